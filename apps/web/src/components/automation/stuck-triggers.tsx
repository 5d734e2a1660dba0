"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

/**
 * Triggers the engine could not process, above the run history. Shown only when there are some:
 * a trigger that failed did nothing, and the plant must hear about it rather than find out later.
 */
export function StuckTriggers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const stuck = useQuery(trpc.rules.stuckSignals.queryOptions());
  const retry = useMutation(
    trpc.rules.retrySignal.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.rules.stuckSignals.queryKey() }),
    }),
  );
  const items = stuck.data ?? [];
  if (stuck.error) return <Alert tone="danger">{apiErrorMessage(stuck.error)}</Alert>;
  if (items.length === 0) return null;
  return (
    <section className="card" data-testid="stuck-triggers">
      <div className="card-header">
        <div>
          <h2>Triggers that could not be processed</h2>
          <p>
            The rules did not act on these. The engine retries each a few times, then sets it aside. Fix the cause (the
            message says what went wrong), then retry.
          </p>
        </div>
      </div>
      {retry.error ? <Alert tone="danger">{apiErrorMessage(retry.error)}</Alert> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Happened</th>
              <th scope="col">Trigger</th>
              <th scope="col">Problem</th>
              <th scope="col">
                <span className="visually-hidden">Retry</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td className="nowrap">{formatDateTime(item.occurredAt, timeZone)}</td>
                <td>
                  <div className="cell-stack">
                    <span>{item.what}</span>
                    <span>
                      <span className={item.givenUp ? "badge badge-danger" : "badge badge-warning"}>
                        {item.givenUp
                          ? `Set aside after ${item.attempts} attempts`
                          : `Retrying (${item.attempts} so far)`}
                      </span>
                    </span>
                  </div>
                </td>
                <td>{item.lastError}</td>
                <td className="nowrap">
                  <button
                    type="button"
                    className="btn"
                    disabled={retry.isPending}
                    onClick={() => retry.mutate({ signalId: item.id })}
                  >
                    Retry
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
