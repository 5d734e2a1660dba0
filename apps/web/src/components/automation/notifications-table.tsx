"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { InboxIcon } from "~/components/ui/icons";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./automation.module.css";
import type { TNotification } from "./automation-types";

type TFilter = "FAILED" | "ALL" | "PENDING" | "SENT";

const FILTERS = [
  { value: "FAILED", label: "Failed" },
  { value: "PENDING", label: "Waiting" },
  { value: "SENT", label: "Sent" },
  { value: "ALL", label: "All" },
] as const satisfies readonly { value: TFilter; label: string }[];

const STATUS: Record<string, { badge: string; words: string }> = {
  SENT: { badge: "badge badge-success", words: "Sent" },
  FAILED: { badge: "badge badge-danger", words: "Failed" },
  PENDING: { badge: "badge badge-warning", words: "Waiting" },
};

function StatusCell({ notification, timeZone }: { notification: TNotification; timeZone: string }) {
  const status = STATUS[notification.status] ?? { badge: "badge", words: notification.status };
  return (
    <div className="cell-stack">
      <span className={status.badge}>{status.words}</span>
      <span className="subtle">
        {notification.attempts} attempt{notification.attempts === 1 ? "" : "s"}
        {notification.status === "PENDING" ? ` · next ${formatDateTime(notification.nextAttemptAt, timeZone)}` : ""}
        {notification.sentAt ? ` · ${formatDateTime(notification.sentAt, timeZone)}` : ""}
      </span>
    </div>
  );
}

/**
 * E-mails and webhooks sent by rules. Failed deliveries come first with their last error and a
 * Retry button; delivery itself happens in the background and is retried with backoff.
 */
export function NotificationsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const [filter, setFilter] = useState<TFilter>("FAILED");
  const list = useInfiniteQuery(
    trpc.rules.notifications.infiniteQueryOptions(
      { status: filter === "ALL" ? undefined : filter, limit: 30 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const retry = useMutation(
    trpc.rules.retryNotification.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.rules.notifications.pathKey() }),
    }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card" data-testid="notifications">
      <div className="card-header">
        <div>
          <h2>Notifications</h2>
          <p>E-mails and webhooks the rules sent. A failed one shows why; retry it once the cause is fixed.</p>
        </div>
        <SegmentedControl label="Show" options={FILTERS} value={filter} onChange={setFilter} />
      </div>
      {retry.error ? <Alert tone="danger">{apiErrorMessage(retry.error)}</Alert> : null}
      {list.isPending ? (
        <div className="card-body form-stack" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading notifications…
          </span>
          <Skeleton height="40px" />
          <Skeleton height="40px" />
        </div>
      ) : list.error ? (
        <div className="card-body form-stack">
          <Alert tone="danger">{apiErrorMessage(list.error)}</Alert>
          <div>
            <button type="button" className="btn" onClick={() => void list.refetch()}>
              Try again
            </button>
          </div>
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          title={filter === "FAILED" ? "No failed deliveries" : "Nothing here yet"}
          icon={<InboxIcon size={22} />}
        >
          {filter === "FAILED"
            ? "Every e-mail and webhook got through. When one fails (a wrong address, a receiver that is down), it is listed here with the error."
            : "Rules with an e-mail or webhook action list what they sent here."}
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Sent to</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Retry</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((notification) => (
                  <tr
                    key={notification.id}
                    className={styles.runRow}
                    data-status={notification.status}
                    data-testid="notification-row"
                  >
                    <td className="nowrap">{formatDateTime(notification.createdAt, timeZone)}</td>
                    <td>
                      <div className="cell-stack">
                        <span>{notification.channel === "EMAIL" ? "E-mail" : "Webhook"}</span>
                        <span className="subtle">{notification.targetLabel}</span>
                      </div>
                    </td>
                    <td>
                      <div className="cell-stack">
                        <span>{notification.subject}</span>
                        {notification.ruleId ? (
                          <Link href={`/automation/rules/${notification.ruleId}`} className="subtle">
                            {notification.ruleName}
                          </Link>
                        ) : null}
                        {notification.lastError ? (
                          <span className={styles.errorText}>{notification.lastError}</span>
                        ) : null}
                      </div>
                    </td>
                    <td>
                      <StatusCell notification={notification} timeZone={timeZone} />
                    </td>
                    <td className={styles.rowActions}>
                      {notification.status === "FAILED" ? (
                        <button
                          type="button"
                          className="btn"
                          disabled={retry.isPending && retry.variables?.notificationId === notification.id}
                          onClick={() => retry.mutate({ notificationId: notification.id })}
                        >
                          Retry
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.hasNextPage ? (
            <div className={styles.more}>
              <button
                type="button"
                className="btn"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? "Loading…" : "Show older"}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
