"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { TimeAgo } from "~/components/ui/time-ago";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { formatConfidence, insightKindLabels } from "./insight-types";
import styles from "./insights.module.css";

/** The dashboard's latest new findings, with a way into the feed. */
export function DashboardInsightsPanel() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const latest = useQuery(trpc.insights.list.queryOptions({ status: "NEW", limit: 5 }));
  return (
    <section className="card" aria-labelledby="dashboard-insights-title" data-testid="dashboard-insights">
      <div className="card-header">
        <div>
          <h2 id="dashboard-insights-title">New insights</h2>
          <p>Findings from the plant's history nobody has looked at yet.</p>
        </div>
        <Link href="/insights" className="btn">
          All insights
        </Link>
      </div>
      {latest.isPending ? (
        <div className="card-body" aria-busy="true">
          <Skeleton height="120px" />
        </div>
      ) : latest.error ? (
        <div className="card-body">
          <Alert tone="danger">
            The insights could not be loaded. {apiErrorMessage(latest.error)} Reload the page to try again.
          </Alert>
        </div>
      ) : latest.data.insights.length === 0 ? (
        <div className="card-body">
          <p className="muted">
            Nothing new. Insights appear as the worker analyses the plant's history;{" "}
            <Link href="/insights">the feed</Link> keeps the ones already looked at.
          </p>
        </div>
      ) : (
        <ul className={styles.panelList}>
          {latest.data.insights.map((insight) => (
            <li key={insight.id}>
              <Link href={`/insights/${insight.id}`} className={styles.panelItem}>
                <span>
                  <span className={`badge ${styles.kindBadge}`}>{insightKindLabels[insight.kind]}</span>{" "}
                  <strong>{insight.title}</strong>
                  <span className="muted"> · {insight.subject.label}</span>
                </span>
                <span className="muted nowrap">
                  {formatConfidence(insight.confidence)} · <TimeAgo value={insight.detectedAt} timeZone={timeZone} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
