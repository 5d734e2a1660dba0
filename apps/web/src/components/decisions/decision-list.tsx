"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { DecisionIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ConstraintChip } from "./constraint-chip";
import type { TDecisionFilter } from "./decision-filters";
import type { TDecisionListRow } from "./decision-types";
import styles from "./decisions.module.css";

const PAGE_SIZE = 25;

type TDecisionListProps = {
  filter: TDecisionFilter;
  filtered: boolean;
  selectedId: string | null;
  onSelect: (decisionId: string) => void;
};

/** Decisions newest first, paged; the selected one is highlighted and shown beside the list. */
export function DecisionList({ filter, filtered, selectedId, onSelect }: TDecisionListProps) {
  const trpc = useTRPC();
  const input = {
    limit: PAGE_SIZE,
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.constraintKind ? { constraintKind: filter.constraintKind } : {}),
    ...(filter.workCenterId ? { workCenterId: filter.workCenterId } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
  const list = useInfiniteQuery(
    trpc.decisions.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const decisions = list.data?.pages.flatMap((page) => page.decisions) ?? [];

  return (
    <section className="card" aria-labelledby="decision-list-title" data-testid="decision-list">
      <div className="card-header">
        <h2 id="decision-list-title">Decision log</h2>
        {list.isFetching && !list.isPending ? <span className="subtle">Updating…</span> : null}
      </div>
      {list.isPending ? (
        <div className="card-body" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading decisions…
          </span>
          <div className={styles.list}>
            <Skeleton height="64px" />
          </div>
        </div>
      ) : list.error && decisions.length === 0 ? (
        <div className="card-body">
          <Alert tone="danger">{apiErrorMessage(list.error)}</Alert>
          <button type="button" className="btn" onClick={() => void list.refetch()} style={{ marginTop: 12 }}>
            Try again
          </button>
        </div>
      ) : decisions.length === 0 ? (
        filtered ? (
          <EmptyState title="No decision matches" icon={<DecisionIcon size={22} />}>
            Try other words, another constraint or a wider date range, or clear the filters.
          </EmptyState>
        ) : (
          <EmptyState title="No decisions logged yet" icon={<DecisionIcon size={22} />}>
            When you reroute an order, accept a risk or change a plan, log it with “Log a decision”: why, under which
            constraints, and what should come of it.
          </EmptyState>
        )
      ) : (
        <>
          <div className={styles.list}>
            {decisions.map((decision) => (
              <DecisionListItem
                key={decision.id}
                decision={decision}
                selected={decision.id === selectedId}
                onSelect={onSelect}
              />
            ))}
          </div>
          <div className={styles.listFooter}>
            {list.error ? <Alert tone="danger">{apiErrorMessage(list.error)}</Alert> : null}
            {list.hasNextPage ? (
              <button
                type="button"
                className="btn"
                disabled={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {list.isFetchingNextPage ? "Loading…" : "Load older decisions"}
              </button>
            ) : (
              <span className="subtle">
                {decisions.length} decision{decisions.length === 1 ? "" : "s"}
                {filtered ? " match" : ""}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function DecisionListItem({
  decision,
  selected,
  onSelect,
}: {
  decision: TDecisionListRow;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const timeZone = usePlantTimeZone();
  return (
    <button
      type="button"
      className={styles.listItem}
      aria-current={selected ? "true" : undefined}
      onClick={() => onSelect(decision.id)}
      data-testid="decision-row"
    >
      <span className={styles.listTitle}>{decision.title}</span>
      <span className={styles.listMeta}>
        {decision.decidedBy?.name ?? "Someone"} · {formatDateTime(decision.decidedAt, timeZone)}
        {decision.workCenter ? ` · ${decision.workCenter.code}` : ""}
      </span>
      {decision.constraints.length > 0 || decision.reviewAt || decision.hasOutcome ? (
        <span className={styles.chips}>
          {[...new Set(decision.constraints.map((constraint) => constraint.kind))].map((kind) => (
            <ConstraintChip key={kind} kind={kind} />
          ))}
          <ReviewBadge decision={decision} />
        </span>
      ) : null}
    </button>
  );
}

/** Whether the decision's outcome is known, or when it is to be reviewed. */
function ReviewBadge({ decision }: { decision: TDecisionListRow }) {
  if (decision.hasOutcome) return <span className="badge badge-success">Outcome recorded</span>;
  if (!decision.reviewAt) return null;
  const overdue = new Date(decision.reviewAt).getTime() < Date.now();
  return (
    <span className={`badge ${overdue ? "badge-danger" : "badge-accent"}`} suppressHydrationWarning>
      {overdue ? "Review overdue" : "Review pending"}
    </span>
  );
}
