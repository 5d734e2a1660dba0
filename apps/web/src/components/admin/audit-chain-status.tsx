"use client";

import { useQuery } from "@tanstack/react-query";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./admin.module.css";

/**
 * Whether the audit trail is still what was written: every entry carries the hash of the one
 * before it, and the database re-computes them all on request. A break names the first entry
 * that does not hold, since everything from there on cannot be trusted.
 */
export function AuditChainStatus() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const check = useQuery({ ...trpc.admin.verifyAudit.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const again = (
    <button type="button" className="btn" disabled={check.isFetching} onClick={() => void check.refetch()}>
      {check.isFetching ? "Verifying…" : "Verify again"}
    </button>
  );

  return (
    <section className="card" aria-labelledby="audit-chain-title" data-testid="audit-chain">
      <div className="card-header">
        <div>
          <h2 id="audit-chain-title">Integrity</h2>
          <p>Each entry is sealed with the hash of the one before it; the database re-computes every link.</p>
        </div>
        {check.data || check.error ? again : null}
      </div>
      <div className="card-body">
        {check.isPending ? (
          <Skeleton height="44px" />
        ) : check.error ? (
          <Alert tone="danger">The chain could not be verified. {apiErrorMessage(check.error)}</Alert>
        ) : check.data.firstBroken ? (
          <Alert tone="danger">
            <strong>The audit trail was altered.</strong> Entry #{check.data.firstBroken.seq}
            {check.data.firstBroken.action ? (
              <>
                {" "}
                (<code className={styles.action}>{check.data.firstBroken.action}</code>
                {check.data.firstBroken.createdAt
                  ? `, ${formatDateTime(check.data.firstBroken.createdAt, timeZone)}`
                  : ""}
                )
              </>
            ) : null}{" "}
            is the first that does not hold: {check.data.firstBroken.problem}. Entries from #
            {check.data.firstBroken.seq} on cannot be trusted. Keep this page as evidence and ask whoever administers
            the database who changed it.
          </Alert>
        ) : check.data.entries === 0 ? (
          <p className="subtle">Nothing recorded yet: the chain starts with the first change.</p>
        ) : (
          <Alert tone="success">
            <strong>Intact.</strong> All {check.data.entries} entries verified (#1 to #{check.data.lastSeq}), checked{" "}
            {formatDateTime(check.data.checkedAt, timeZone)}.
          </Alert>
        )}
      </div>
    </section>
  );
}
