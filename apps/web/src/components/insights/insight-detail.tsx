"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { LogDecisionButton } from "~/components/decisions/log-decision-button";
import { WhyTimeline } from "~/components/decisions/why-timeline";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { ArrowLeftIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { EvidenceChart } from "./evidence-chart";
import { InsightFeedback } from "./insight-feedback";
import { InsightStatusActions } from "./insight-status-actions";
import {
  formatConfidence,
  formatFigure,
  insightKindLabels,
  insightStatusBadge,
  insightStatusLabels,
  type TInsightDetail,
} from "./insight-types";
import styles from "./insights.module.css";

/** One insight: what was found and what to do, the evidence, where it stands, and why it happened. */
export function InsightDetailView({ insightId }: { insightId: string }) {
  const trpc = useTRPC();
  const insight = useQuery(trpc.insights.get.queryOptions({ insightId }));
  if (insight.isPending) {
    return (
      <div aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading the insight…
        </span>
        <Skeleton height="420px" />
      </div>
    );
  }
  if (insight.error) {
    return (
      <>
        <BackLink />
        <Alert tone="danger">
          This insight could not be opened. {apiErrorMessage(insight.error)}{" "}
          <Link href="/insights">Back to all insights</Link>
        </Alert>
      </>
    );
  }
  return <InsightBody insight={insight.data} />;
}

function BackLink() {
  return (
    <div>
      <Link href="/insights" className="btn btn-ghost">
        <ArrowLeftIcon size={16} /> All insights
      </Link>
    </div>
  );
}

/** The control chart opened from an insight runs a little past it, to show how it went on. */
const CHART_MARGIN_MS = 2 * 3_600_000;

function InsightBody({ insight }: { insight: TInsightDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const evidence = insight.evidence;
  return (
    <>
      <BackLink />
      <PageHeader
        eyebrow={
          <>
            <span className="badge">{insightKindLabels[insight.kind]}</span> {insight.subject.label}
            {insight.subject.line && insight.subject.kind !== "LINE" ? ` · ${insight.subject.line.name}` : ""}
          </>
        }
        title={insight.title}
        description={
          <>
            <span className={insightStatusBadge[insight.status]} data-testid="insight-status">
              {insightStatusLabels[insight.status]}
            </span>{" "}
            {formatConfidence(insight.confidence)} sure · found {formatDateTime(insight.detectedAt, timeZone)}
          </>
        }
      />
      <div className={styles.detail}>
        <div className={styles.stack}>
          <section className="card" aria-labelledby="insight-what">
            <div className="card-header">
              <h2 id="insight-what">What was found</h2>
            </div>
            <div className="card-body">
              <p className={styles.prose}>{insight.explanation}</p>
              <div className={styles.recommendation}>
                <strong>Recommended: </strong>
                {insight.recommendation}
              </div>
              <ChartLink insight={insight} />
            </div>
          </section>
          <section className="card" aria-labelledby="insight-evidence">
            <div className="card-header">
              <div>
                <h2 id="insight-evidence">Evidence</h2>
                <p>
                  From {formatDateTime(insight.spanStart, timeZone)}
                  {insight.spanEnd ? ` to ${formatDateTime(insight.spanEnd, timeZone)}` : ", still going on"}.
                </p>
              </div>
            </div>
            {evidence ? (
              <>
                {evidence.figures.length ? (
                  <div className="card-body">
                    <dl className={styles.figures}>
                      {evidence.figures.map((figure) => (
                        <div key={figure.label} className={styles.figure}>
                          <dt>{figure.label}</dt>
                          <dd>{formatFigure(figure.value, figure.unit)}</dd>
                        </div>
                      ))}
                    </dl>
                  </div>
                ) : null}
                {evidence.chart && evidence.chart.points.length > 0 ? (
                  <EvidenceChart chart={evidence.chart} timeZone={timeZone} />
                ) : (
                  <div className="card-body muted">This finding has no chart; the figures above are its evidence.</div>
                )}
              </>
            ) : (
              <div className="card-body muted">
                The evidence of this insight was stored by an older version of Gemba and cannot be shown. It is
                refreshed the next time the detector sees the same finding.
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="insight-why">
            <div className="card-header">
              <div>
                <h2 id="insight-why">Why: what happened around it</h2>
                <p>Events, stops, reasons, decisions and tasks of {insight.subject.label} around the finding.</p>
              </div>
            </div>
            <div className="card-body">
              <WhyTimeline subject={{ subject: "INSIGHT", insightId: insight.id }} compact initialLimit={30} />
            </div>
          </section>
        </div>
        <aside className={styles.stack}>
          <section className="card" aria-labelledby="insight-status-title">
            <div className="card-header">
              <h2 id="insight-status-title">Status</h2>
            </div>
            <div className="card-body form-stack">
              <StatusFacts insight={insight} timeZone={timeZone} />
              <InsightStatusActions insight={insight} />
            </div>
          </section>
          <section className="card" aria-labelledby="insight-feedback-title">
            <div className="card-header">
              <h2 id="insight-feedback-title">Was this useful?</h2>
            </div>
            <div className="card-body">
              <InsightFeedback insight={insight} />
            </div>
          </section>
          <section className="card" aria-labelledby="insight-decisions-title" data-testid="insight-decisions">
            <div className="card-header">
              <h2 id="insight-decisions-title">Decisions</h2>
            </div>
            <div className="card-body form-stack">
              {insight.decisions.length ? (
                <ul className={styles.linkList}>
                  {insight.decisions.map((decision) => (
                    <li key={decision.id}>
                      <Link href={`/decisions?decision=${decision.id}`}>{decision.title}</Link>{" "}
                      <span className="muted">
                        {decision.decidedBy?.name ?? "Someone"}, {formatDateTime(decision.decidedAt, timeZone)}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">
                  No decision taken on it yet. Log one: the insight and the line's state are attached.
                </p>
              )}
              <div>
                <LogDecisionButton
                  situation={{ kind: "INSIGHT", insightId: insight.id, label: `Insight: ${insight.title}` }}
                  workCenterId={insight.subject.workCenter?.id}
                  onLogged={() => void queryClient.invalidateQueries({ queryKey: trpc.insights.get.pathKey() })}
                />
              </div>
            </div>
          </section>
        </aside>
      </div>
    </>
  );
}

function StatusFacts({ insight, timeZone }: { insight: TInsightDetail; timeZone: string }) {
  return (
    <dl className={styles.facts}>
      <dt>Status</dt>
      <dd>{insightStatusLabels[insight.status]}</dd>
      {insight.statusChangedAt ? (
        <>
          <dt>Changed</dt>
          <dd>
            {formatDateTime(insight.statusChangedAt, timeZone)} by {insight.statusChangedBy?.name ?? "someone"}
          </dd>
        </>
      ) : null}
      {insight.dismissReason ? (
        <>
          <dt>Reason</dt>
          <dd>{insight.dismissReason}</dd>
        </>
      ) : null}
      <dt>Detector</dt>
      <dd>
        {insightKindLabels[insight.kind]}, weight {insight.detector.weight.toFixed(2)}
        {insight.detector.shown ? "" : " (hidden from the feed)"}
      </dd>
    </dl>
  );
}

/** SPC and anomaly findings open the work center's control chart at the time they were found. */
function ChartLink({ insight }: { insight: TInsightDetail }) {
  const workCenter = insight.subject.workCenter;
  if ((insight.kind !== "SPC" && insight.kind !== "ANOMALY") || !workCenter) return null;
  const until = new Date(insight.spanEnd ?? insight.detectedAt).getTime() + CHART_MARGIN_MS;
  return (
    <Link
      className={`btn ${styles.chartLink}`}
      href={`/insights/spc?workCenterId=${workCenter.id}&until=${until}`}
      data-testid="open-control-chart"
    >
      Open {workCenter.code}'s control chart
    </Link>
  );
}
