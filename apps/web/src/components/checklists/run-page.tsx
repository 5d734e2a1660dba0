"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { ArrowLeftIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { PageSkeleton } from "~/components/ui/skeleton";
import { apiErrorCode, apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ChecklistRunner } from "./checklist-runner";
import styles from "./checklists.module.css";
import { RunStatusBadge } from "./run-status-badge";
import { useDirectChecklistActions } from "./runner-actions";

/**
 * A run for the manager: who did it where, on which version, and every answer. In progress it can
 * be filled in here too (the same runner the tablet uses); completed or abandoned it is read-only.
 */
export function RunPage({ runId, myName }: { runId: string; myName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const run = useQuery(trpc.checklists.runs.get.queryOptions({ runId }));
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.checklists.pathKey() }),
    [queryClient, trpc],
  );
  const actions = useDirectChecklistActions(refresh);

  if (run.isPending) return <PageSkeleton label="Loading the checklist run…" blocks={2} />;
  if (run.error) {
    return (
      <section className="card card-body form-stack">
        <Alert tone="danger">{apiErrorMessage(run.error)}</Alert>
        <div>
          {apiErrorCode(run.error) === "NOT_FOUND" ? (
            <Link href="/checklists?view=runs" className="btn">
              Recent runs
            </Link>
          ) : (
            <button type="button" className="btn" onClick={() => void run.refetch()}>
              Try again
            </button>
          )}
        </div>
      </section>
    );
  }
  const data = run.data;
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/checklists?view=runs">Checklist runs</Link>}
        title={data.templateName}
        description={
          <span className={styles.runMeta}>
            <span>
              <strong>{data.workCenter.code}</strong> · {data.workCenter.name}
            </span>
            {data.order ? (
              <span>
                Order <strong>{data.order.externalId}</strong> · {data.order.productName}
              </span>
            ) : null}
            <span>Version {data.version}</span>
            <span>
              Started {formatDateTime(data.startedAt, timeZone)}
              {data.startedBy ? ` by ${data.startedBy.name}` : data.source === "rule" ? " by a rule" : ""}
            </span>
            <RunStatusBadge status={data.status} flagged={data.failedSteps} />
          </span>
        }
        actions={
          <Link href="/checklists?view=runs" className="btn">
            <ArrowLeftIcon size={16} /> Recent runs
          </Link>
        }
      />
      {data.newerVersion ? (
        <Alert tone="info">
          Version {data.newerVersion} of this checklist has been published since; this run keeps version {data.version},
          the one it started with.
        </Alert>
      ) : null}
      <ChecklistRunner
        key={data.id}
        run={data}
        signerName={myName}
        actions={actions}
        onFinished={() => void refresh()}
      />
    </>
  );
}
