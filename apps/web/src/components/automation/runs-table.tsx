"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { AutomationIcon } from "~/components/ui/icons";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ACTION_LABELS } from "./action-fields";
import styles from "./automation.module.css";
import type { TRuleRun } from "./automation-types";

type TStatusFilter = "ALL" | "FAILED";

const FILTERS = [
  { value: "ALL", label: "All runs" },
  { value: "FAILED", label: "Failures" },
] as const satisfies readonly { value: TStatusFilter; label: string }[];

const STATUS_BADGE: Record<string, string> = {
  SUCCEEDED: "badge badge-success",
  FAILED: "badge badge-danger",
  RUNNING: "badge badge-warning",
};

const STATUS_WORDS: Record<string, string> = { SUCCEEDED: "Done", FAILED: "Failed", RUNNING: "Running" };

function Outcomes({ run }: { run: TRuleRun }) {
  if (run.actions.length === 0) return <span className="muted">—</span>;
  return (
    <ul className={styles.outcomes}>
      {run.actions.map((action) => (
        <li key={action.index}>
          <span>{ACTION_LABELS[action.kind as keyof typeof ACTION_LABELS] ?? action.kind}: </span>
          <span className={action.status === "FAILED" ? styles.errorText : undefined}>
            {action.status.toLowerCase()}
            {action.error ? ` — ${action.error}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * What the rules did, newest first: one row per firing, failed ones highlighted with the error to
 * act on. Of one rule (its page) or of all (Automation → Run history).
 */
export function RunsTable({ ruleId, initialFilter = "ALL" }: { ruleId?: string; initialFilter?: TStatusFilter }) {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const [filter, setFilter] = useState<TStatusFilter>(initialFilter);
  const runs = useInfiniteQuery(
    trpc.rules.runs.infiniteQueryOptions(
      { ruleId, status: filter === "FAILED" ? "FAILED" : undefined, limit: 30 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = runs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card" data-testid="runs-table">
      <div className="card-header">
        <div>
          <h2>Run history</h2>
          <p>Every time a rule fired, what set it off and what each of its actions did.</p>
        </div>
        <SegmentedControl label="Show" options={FILTERS} value={filter} onChange={setFilter} />
      </div>
      {runs.isPending ? (
        <div className="card-body form-stack" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading runs…
          </span>
          <Skeleton height="40px" />
          <Skeleton height="40px" />
        </div>
      ) : runs.error ? (
        <div className="card-body form-stack">
          <Alert tone="danger">{apiErrorMessage(runs.error)}</Alert>
          <div>
            <button type="button" className="btn" onClick={() => void runs.refetch()}>
              Try again
            </button>
          </div>
        </div>
      ) : items.length === 0 ? (
        <EmptyState title={filter === "FAILED" ? "No failed runs" : "No runs yet"} icon={<AutomationIcon size={22} />}>
          {filter === "FAILED"
            ? "Every firing did what it should. Failed actions (an unreachable webhook, a rejected e-mail) show up here with their error."
            : "Runs appear here as soon as an enabled rule fires. Use the dry run in the rule editor to see when it would."}
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Fired</th>
                  {ruleId ? null : <th scope="col">Rule</th>}
                  <th scope="col">What happened</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {items.map((run) => (
                  <tr key={run.id} className={styles.runRow} data-status={run.status} data-testid="run-row">
                    <td className="nowrap">{formatDateTime(run.firedAt, timeZone)}</td>
                    {ruleId ? null : (
                      <td>
                        <Link href={`/automation/rules/${run.ruleId}`}>{run.ruleName}</Link>
                        <div className="subtle">version {run.ruleVersion}</div>
                      </td>
                    )}
                    <td>
                      <div className="cell-stack">
                        <span>{run.summary}</span>
                        {run.error ? <span className={styles.errorText}>{run.error}</span> : null}
                      </div>
                    </td>
                    <td>
                      <span className={STATUS_BADGE[run.status] ?? "badge"}>
                        {STATUS_WORDS[run.status] ?? run.status}
                      </span>
                    </td>
                    <td>
                      <Outcomes run={run} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {runs.hasNextPage ? (
            <div className={styles.more}>
              <button
                type="button"
                className="btn"
                onClick={() => void runs.fetchNextPage()}
                disabled={runs.isFetchingNextPage}
              >
                {runs.isFetchingNextPage ? "Loading…" : "Show older runs"}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
