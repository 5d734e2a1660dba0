"use client";

import { decisionLinkKindLabels } from "@gemba/domain/decisions/decision-kinds";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { CheckIcon, DecisionIcon, LinkIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorCode, apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ConstraintChip } from "./constraint-chip";
import { ContextSnapshotView } from "./context-snapshot-view";
import type { TDecisionDetail, TDecisionLink } from "./decision-types";
import styles from "./decisions.module.css";
import { OutcomeForm } from "./outcome-form";
import { WhyTimeline } from "./why-timeline";

/** The selected decision in full: what, why, options, constraints, evidence, context, outcome and timeline. */
export function DecisionDetailPanel({ decisionId }: { decisionId: string | null }) {
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.decisions.get.queryOptions({ decisionId: decisionId ?? "" }),
    enabled: decisionId !== null,
  });
  if (!decisionId) {
    return (
      <section className="card">
        <EmptyState title="Pick a decision" icon={<DecisionIcon size={22} />}>
          Its options, constraints, evidence, the situation at the time and what came of it appear here.
        </EmptyState>
      </section>
    );
  }
  if (detail.isPending) {
    return (
      <section className="card card-body" aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading the decision…
        </span>
        <div className="form-stack">
          <Skeleton width="60%" height="26px" />
          <Skeleton height="90px" />
          <Skeleton height="160px" />
        </div>
      </section>
    );
  }
  if (detail.error) {
    return (
      <section className="card card-body">
        <Alert tone="danger">
          {apiErrorCode(detail.error) === "NOT_FOUND"
            ? "This decision is not in this plant. Pick one from the list."
            : apiErrorMessage(detail.error)}
        </Alert>
      </section>
    );
  }
  return <DecisionDetail decision={detail.data} />;
}

function DecisionDetail({ decision }: { decision: TDecisionDetail }) {
  const timeZone = usePlantTimeZone();
  const [editingOutcome, setEditingOutcome] = useState(false);
  const review = decision.reviewTask;
  const reviewOpen = review !== null && (review.status === "OPEN" || review.status === "ACKNOWLEDGED");
  const alternatives = decision.options.filter((option) => !option.chosen);
  const chosen = decision.options.find((option) => option.chosen);
  return (
    <article className={`card ${styles.detail}`} aria-labelledby="decision-title" data-testid="decision-detail">
      <header className={styles.detailHeader}>
        <h2 id="decision-title">{decision.title}</h2>
        <div className={styles.meta}>
          <span>
            Decided by <strong>{decision.decidedBy?.name ?? "a former member"}</strong> on{" "}
            {formatDateTime(decision.decidedAt, timeZone)}
          </span>
          {decision.workCenter ? <span className="badge">{decision.workCenter.code}</span> : null}
          {decision.situation ? (
            <span className="badge badge-accent">
              From {decision.situation.kind === "DOWNTIME" ? "a downtime" : "an order"}
            </span>
          ) : null}
        </div>
      </header>

      <section className={styles.detailSection} aria-label="Options">
        <span className={styles.sectionLabel}>Chosen, and what else was considered</span>
        <div className={styles.options}>
          {[...(chosen ? [chosen] : []), ...alternatives].map((option) => (
            <div key={option.label} className={styles.option} data-chosen={option.chosen}>
              <span className={styles.optionMark} aria-hidden="true">
                {option.chosen ? <CheckIcon size={14} /> : null}
              </span>
              <div className="cell-stack">
                <span className={styles.optionLabel}>
                  {option.label}
                  {option.chosen ? <span className="visually-hidden"> (chosen)</span> : null}
                </span>
                {option.note ? <span className={styles.optionNote}>{option.note}</span> : null}
              </div>
            </div>
          ))}
        </div>
      </section>

      <section className={styles.detailSection} aria-label="Why">
        <span className={styles.sectionLabel}>Why</span>
        <p className={styles.prose}>{decision.rationale}</p>
        {decision.constraints.length > 0 ? (
          <div className={styles.chips}>
            {decision.constraints.map((constraint) => (
              <ConstraintChip key={constraint.id} kind={constraint.kind} detail={constraint.detail} />
            ))}
          </div>
        ) : (
          <span className="subtle">No constraints were noted.</span>
        )}
      </section>

      <section className={styles.detailSection} aria-label="Outcome">
        <div className={styles.outcomes}>
          <div className={styles.outcomeBox}>
            <span className={styles.sectionLabel}>Expected</span>
            <p className={styles.prose}>{decision.expectedOutcome}</p>
          </div>
          <div className={styles.outcomeBox} data-tone={decision.actualOutcome ? "recorded" : undefined}>
            <span className={styles.sectionLabel}>Actual</span>
            {decision.actualOutcome && !editingOutcome ? (
              <>
                <p className={styles.prose} data-testid="actual-outcome">
                  {decision.actualOutcome}
                </p>
                <span className="subtle">
                  Recorded by {decision.outcomeRecordedBy?.name ?? "a former member"}
                  {decision.outcomeRecordedAt ? ` on ${formatDateTime(decision.outcomeRecordedAt, timeZone)}` : ""}
                </span>
                {decision.can.recordOutcome ? (
                  <div>
                    <button type="button" className="btn btn-ghost" onClick={() => setEditingOutcome(true)}>
                      Correct it
                    </button>
                  </div>
                ) : null}
              </>
            ) : decision.can.recordOutcome ? (
              <OutcomeForm
                key={decision.actualOutcome ?? "none"}
                decisionId={decision.id}
                current={decision.actualOutcome}
                hasOpenReview={reviewOpen}
                onDone={() => setEditingOutcome(false)}
              />
            ) : (
              <span className="subtle">Not recorded yet. The person who decided or a manager records it.</span>
            )}
          </div>
        </div>
        {decision.reviewAt ? (
          <div className={styles.review}>
            <span className="subtle">Review on {formatDateTime(decision.reviewAt, timeZone)}</span>
            {review ? (
              <span
                className={`badge ${review.status === "DONE" ? "badge-success" : review.overdue ? "badge-danger" : "badge-accent"}`}
              >
                {review.status === "DONE"
                  ? "Review done"
                  : review.status === "CANCELLED"
                    ? "Review cancelled"
                    : review.overdue
                      ? "Review overdue"
                      : `Review task for ${review.assignee?.name ?? "the decider"}`}
              </span>
            ) : null}
            {reviewOpen ? <Link href="/tasks">Open the task</Link> : null}
          </div>
        ) : null}
      </section>

      <section className={styles.detailSection} aria-label="Evidence">
        <span className={styles.sectionLabel}>Evidence</span>
        {decision.links.length === 0 ? (
          <span className="subtle">No evidence was linked.</span>
        ) : (
          <ul className={styles.links}>
            {decision.links.map((link) => (
              <li key={`${link.kind}:${link.ref}`} className={styles.link}>
                <LinkIcon size={16} />
                <span className={styles.linkKind}>{decisionLinkKindLabels[link.kind]}</span>
                <EvidenceLabel link={link} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.detailSection} aria-label="Context at the time">
        <span className={styles.sectionLabel}>The situation when it was decided</span>
        {decision.contextSnapshot ? (
          <ContextSnapshotView
            snapshot={decision.contextSnapshot}
            focusWorkCenterId={decision.workCenter?.id ?? null}
          />
        ) : (
          <span className="subtle">No snapshot: this decision was logged before snapshots were taken.</span>
        )}
      </section>

      <section className={styles.detailSection} aria-labelledby="why-title">
        <h3 id="why-title">Why did this happen?</h3>
        <WhyTimeline subject={{ subject: "DECISION", decisionId: decision.id }} compact initialLimit={15} />
      </section>
    </article>
  );
}

function EvidenceLabel({ link }: { link: TDecisionLink }) {
  const target = link.target;
  const href =
    target?.kind === "DOWNTIME"
      ? `/decisions/why?workCenterId=${target.workCenterId}&stopStart=${encodeURIComponent(new Date(target.stopStart).toISOString())}`
      : target?.kind === "ORDER"
        ? `/decisions/why?orderId=${target.orderId}`
        : target?.kind === "TASK"
          ? "/tasks"
          : target?.kind === "CHECKLIST_RUN"
            ? `/checklists/runs/${target.runId}`
            : null;
  return href ? (
    <Link href={href} className={styles.linkLabel}>
      {link.label}
    </Link>
  ) : (
    <span className={styles.linkLabel}>{link.label}</span>
  );
}
