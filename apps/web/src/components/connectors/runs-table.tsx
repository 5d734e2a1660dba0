"use client";

import { useQuery } from "@tanstack/react-query";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { TimeZoneNote } from "~/components/ui/time-zone-note";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { runTriggerLabels } from "./connector-status";
import styles from "./connectors.module.css";
import { describeCounts, describeDuration, formatRunStart, runStatusOf } from "./run-format";

const RUNS_SHOWN = 20;
const REFRESH_MS = 10_000;

/** Polls, manual syncs and uploads, newest first: what each read and changed, or why it failed. */
export function RunsTable({ connectorId }: { connectorId: string }) {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const runs = useQuery(
    trpc.connectors.runs.queryOptions({ connectorId, limit: RUNS_SHOWN }, { refetchInterval: REFRESH_MS }),
  );
  return (
    <section className="card" aria-labelledby="runs-title">
      <div className="card-header">
        <div>
          <h2 id="runs-title">Recent runs</h2>
          <p>The last {RUNS_SHOWN} polls, syncs and uploads: what each read and changed, or why it failed.</p>
        </div>
        <TimeZoneNote timeZone={timeZone} />
      </div>
      {runs.isPending ? (
        <div className="card-body" aria-busy="true">
          <Skeleton height="44px" />
        </div>
      ) : runs.error && !runs.data ? (
        <div className="card-body">
          <Alert tone="danger">Runs could not be loaded. {apiErrorMessage(runs.error)}</Alert>
        </div>
      ) : runs.data.length === 0 ? (
        <EmptyState title="No runs yet">
          The first scheduled poll starts within moments of saving an enabled connector. &ldquo;Sync now&rdquo; starts
          one at once.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Trigger</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Duration
                </th>
                <th scope="col">Counts</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => {
                const status = runStatusOf(run.status);
                return (
                  <tr key={run.id}>
                    <td className="nowrap">{formatRunStart(run.startedAt, timeZone)}</td>
                    <td>{runTriggerLabels[run.trigger] ?? run.trigger}</td>
                    <td>
                      <span className={status.className}>{status.label}</span>
                    </td>
                    <td className="num nowrap">{describeDuration(run.startedAt, run.finishedAt) ?? "running…"}</td>
                    <td>{describeCounts(run.counts)}</td>
                    <td className={styles.messageCell}>{run.message ?? <span className="subtle">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
