import Link from "next/link";
import { TimeAgo } from "~/components/ui/time-ago";
import {
  formatConfidence,
  insightKindLabels,
  insightStatusBadge,
  insightStatusLabels,
  type TInsightListRow,
} from "./insight-types";
import styles from "./insights.module.css";

/** One finding in the feed: what kind, about what, how sure, how old and where it stands. */
export function InsightCard({ insight, timeZone }: { insight: TInsightListRow; timeZone: string }) {
  return (
    <Link href={`/insights/${insight.id}`} className={styles.card} data-testid="insight-card">
      <div>
        <div className={styles.cardMeta}>
          <span className={`badge ${styles.kindBadge}`}>{insightKindLabels[insight.kind]}</span>
          <span>{insight.subject.label}</span>
          {insight.subject.line && insight.subject.kind !== "LINE" ? <span>{insight.subject.line.name}</span> : null}
        </div>
        <div className={styles.cardTitle}>{insight.title}</div>
        {insight.suppressed ? (
          <div className={styles.cardMeta}>Hidden from the feed: its detector is switched off or voted down.</div>
        ) : null}
      </div>
      <div className={styles.cardSide}>
        <span className={insightStatusBadge[insight.status]}>{insightStatusLabels[insight.status]}</span>
        <span className={styles.confidence} title="How sure the detector is, after this plant's feedback">
          <span className={styles.confidenceBar} aria-hidden="true">
            <span style={{ width: `${Math.round(insight.confidence * 100)}%` }} />
          </span>
          {formatConfidence(insight.confidence)} sure
        </span>
        <span>
          Found <TimeAgo value={insight.detectedAt} timeZone={timeZone} />
        </span>
      </div>
    </Link>
  );
}
