"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { ChecklistRunner, type TChecklistRunnerProps } from "./checklist-runner";

/**
 * The ChecklistRunner for a run id: loads `checklists.runs.get`, with loading and error states,
 * then hands every other prop through (see ChecklistRunner for `actions`, the hook for an
 * offline queue). For the floor tablet: `<ChecklistRunnerById runId={id} signerName={me.name}
 * actions={queuedActions} layout="steps" />`. A tablet that must open a run with no connection
 * renders `ChecklistRunner` with a cached run instead.
 */
export function ChecklistRunnerById({ runId, ...props }: Omit<TChecklistRunnerProps, "run"> & { runId: string }) {
  const trpc = useTRPC();
  const run = useQuery(trpc.checklists.runs.get.queryOptions({ runId }));
  if (run.isPending) {
    return (
      <div className="form-stack" aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading the checklist…
        </span>
        <Skeleton height="160px" />
        <Skeleton height="160px" />
      </div>
    );
  }
  if (run.error) {
    return (
      <div className="form-stack">
        <Alert tone="danger">{apiErrorMessage(run.error)}</Alert>
        <div>
          <button type="button" className="btn btn-lg" onClick={() => void run.refetch()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  return <ChecklistRunner key={run.data.id} run={run.data} {...props} />;
}
