"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { TimeZoneNote } from "~/components/ui/time-zone-note";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./admin.module.css";

const PAGE_SIZE = 50;

/** Every configuration change, newest first, paged by cursor. */
export function AuditLog() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const audit = useInfiniteQuery(
    trpc.admin.audit.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="card-header">
        <div>
          <h2 id="audit-title">Audit log</h2>
          <p>Who changed what, and when. Entries cannot be edited or deleted, not even in the database.</p>
        </div>
        <TimeZoneNote timeZone={timeZone} />
      </div>
      {audit.isPending ? (
        <div className="card-body" aria-busy="true">
          <Skeleton height="44px" />
        </div>
      ) : audit.error && entries.length === 0 ? (
        <div className="card-body">
          <Alert tone="danger">{apiErrorMessage(audit.error)}</Alert>
        </div>
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet">
          Changes to members, roles and plant settings appear here as soon as someone makes them.
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">What changed</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td className="nowrap subtle">{entry.seq}</td>
                    <td className="nowrap">{formatDateTime(entry.createdAt, timeZone)}</td>
                    <td>
                      {entry.actor ? (
                        <div className="cell-stack">
                          <span>{entry.actor.name}</span>
                          <small>{entry.actor.email}</small>
                        </div>
                      ) : (
                        <span className="subtle">System</span>
                      )}
                    </td>
                    <td>
                      <code className={styles.action}>{entry.action}</code>
                    </td>
                    <td>{entry.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={styles.loadMore}>
            {audit.error ? <Alert tone="danger">{apiErrorMessage(audit.error)}</Alert> : null}
            {audit.hasNextPage ? (
              <button
                type="button"
                className="btn"
                disabled={audit.isFetchingNextPage}
                onClick={() => void audit.fetchNextPage()}
              >
                {audit.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            ) : (
              <span className="subtle">That is everything: {entries.length} entries.</span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
