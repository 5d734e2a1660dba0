"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { TimeAgo } from "~/components/ui/time-ago";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { describeUserAgent } from "~/lib/user-agent";
import { useTRPC } from "~/trpc/react";
import styles from "./account.module.css";
import { SignOutEverywhere } from "./sign-out-everywhere";

/** Browsers signed in as you; end any you do not recognise. */
export function SessionsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const sessions = useQuery(trpc.me.sessions.queryOptions());
  const revoke = useMutation(
    trpc.me.revokeSession.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.me.sessions.queryKey() }),
    }),
  );

  return (
    <section className="card" aria-labelledby="sessions-title">
      <div className="card-header">
        <div>
          <h2 id="sessions-title">Signed-in devices</h2>
          <p>Sign out a device you no longer use, or one you do not recognise.</p>
        </div>
        <SignOutEverywhere />
      </div>
      {revoke.error ? (
        <div className="card-body">
          <Alert tone="danger">{apiErrorMessage(revoke.error)}</Alert>
        </div>
      ) : null}
      {sessions.isPending ? (
        <div className="card-body" aria-busy="true">
          <Skeleton height="56px" />
        </div>
      ) : sessions.error ? (
        <div className="card-body">
          <Alert tone="danger">{apiErrorMessage(sessions.error)}</Alert>
        </div>
      ) : (
        <ul className={styles.sessions}>
          {sessions.data.map((session) => (
            <li key={session.id} className={styles.session}>
              <div className="cell-stack">
                <span className={styles.device}>
                  {describeUserAgent(session.userAgent)}{" "}
                  {session.current ? <span className="badge badge-success">This device</span> : null}
                </span>
                <small>
                  {session.ip ?? "Unknown IP"} · signed in {formatDateTime(session.createdAt, timeZone)} · last active{" "}
                  <TimeAgo value={session.lastSeenAt} timeZone={timeZone} />
                </small>
              </div>
              {session.current ? null : (
                <button
                  type="button"
                  className="btn"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ sessionId: session.id })}
                >
                  {revoke.isPending && revoke.variables.sessionId === session.id ? "Signing out…" : "Sign out"}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
