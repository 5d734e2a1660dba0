"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { ChecklistIcon } from "~/components/ui/icons";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./checklists.module.css";
import { RunStatusBadge } from "./run-status-badge";

type TStatusFilter = "ALL" | "IN_PROGRESS" | "COMPLETED" | "ABANDONED";

const STATUS_OPTIONS = [
  { value: "ALL", label: "All" },
  { value: "IN_PROGRESS", label: "In progress" },
  { value: "COMPLETED", label: "Completed" },
  { value: "ABANDONED", label: "Abandoned" },
] as const satisfies readonly { value: TStatusFilter; label: string }[];

const LIMIT = 100;

/** Recent runs across the plant, newest first; a failed or out-of-limit step is named in red on its row. */
export function RunsOverview() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const [status, setStatus] = useState<TStatusFilter>("ALL");
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const runs = useQuery({
    ...trpc.checklists.runs.list.queryOptions({
      ...(status === "ALL" ? {} : { status }),
      flaggedOnly,
      limit: LIMIT,
    }),
    refetchInterval: 60_000,
  });

  return (
    <section className={`card ${styles.tableCard}`} aria-labelledby="runs-title">
      <div className="card-header">
        <div>
          <h2 id="runs-title">Recent runs</h2>
          <p>Every checklist done at the work centers, newest first. Failed and out-of-limit steps are in red.</p>
        </div>
        <div className={styles.filters}>
          <SegmentedControl label="Status" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
          <label className={styles.toggle}>
            <input type="checkbox" checked={flaggedOnly} onChange={(event) => setFlaggedOnly(event.target.checked)} />
            Only with failed steps
          </label>
        </div>
      </div>
      {runs.isPending ? (
        <div className="card-body form-stack" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading runs…
          </span>
          <Skeleton height="44px" />
          <Skeleton height="44px" />
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
      ) : runs.data.runs.length === 0 ? (
        <EmptyState
          title={flaggedOnly ? "No run with a failed step" : "No runs yet"}
          icon={<ChecklistIcon size={22} />}
        >
          {flaggedOnly
            ? "Nothing went out of limit or failed in the runs shown. Clear the filter to see every run."
            : "Runs appear here when operators start a checklist at a work center, or a rule starts one."}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className={`table ${styles.runsTable}`} data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">Checklist</th>
                <th scope="col">Work center</th>
                <th scope="col">Started</th>
                <th scope="col">Status</th>
                <th scope="col">Answers</th>
                <th scope="col">Failed or out of limit</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.runs.map((run) => (
                <tr key={run.id} data-testid="run-row" data-flagged={run.failedSteps > 0 ? "true" : undefined}>
                  <td>
                    <div className="cell-stack">
                      <Link href={`/checklists/runs/${run.id}`} className={styles.rowTitle}>
                        {run.templateName}
                      </Link>
                      <small>
                        v{run.version}
                        {run.orderNumber ? ` · order ${run.orderNumber}` : ""}
                        {run.source === "rule" ? " · started by a rule" : ""}
                      </small>
                    </div>
                  </td>
                  <td>
                    <div className="cell-stack">
                      <span>{run.workCenter.code}</span>
                      <small>{run.workCenter.name}</small>
                    </div>
                  </td>
                  <td>
                    <div className="cell-stack">
                      <span className="nowrap">{formatDateTime(run.startedAt, timeZone)}</span>
                      <small>{run.startedBy?.name ?? "A rule"}</small>
                    </div>
                  </td>
                  <td>
                    <RunStatusBadge status={run.status} />
                  </td>
                  <td className="nowrap">
                    {run.answered} of {run.stepCount}
                  </td>
                  <td>
                    {run.flagged.length === 0 ? (
                      <span className="muted">None</span>
                    ) : (
                      <ul className={styles.flaggedList}>
                        {run.flagged.map((step) => (
                          <li key={step.stepId} className="badge badge-danger">
                            {step.title} · {step.failed ? "failed" : "out of limit"}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {runs.data?.truncated ? (
        <p className="card-body subtle">Showing the latest {LIMIT} runs. Filter by status to narrow the list.</p>
      ) : null}
    </section>
  );
}
