"use client";

import { evaluateAnswer } from "@gemba/domain/checklists/evaluate-answer";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ChecklistRunner } from "~/components/checklists/checklist-runner";
import type { TChecklistRun } from "~/components/checklists/checklist-types";
import type { TChecklistRunnerActions } from "~/components/checklists/runner-actions";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { ArrowLeftIcon } from "~/components/ui/icons";
import { apiErrorMessage } from "~/lib/api-error";
import { formatTime } from "~/lib/format";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import styles from "./floor-checklists.module.css";
import type { TFloorWorkCenter } from "./floor-types";
import { pendingOf, type TOfflineQueueApi, useOfflineQueue } from "./offline-queue/use-offline-queue";

/**
 * Checklists at the machine: continue a run in progress or start one of the templates for this
 * line (starting needs the connection: the server makes the run). Answers, completing and
 * abandoning go through the outbox, so a run can be finished with the Wi-Fi gone; answers still
 * waiting are shown in the run as given.
 */
export function FloorChecklists({ floor, signerName }: { floor: TFloorWorkCenter; signerName: string }) {
  const trpc = useTRPC();
  const queue = useOfflineQueue();
  const timeZone = usePlantTimeZone();
  const workCenterId = floor.workCenter.id;
  const [runId, setRunId] = useState<string | null>(null);
  const available = useQuery(trpc.checklists.templates.available.queryOptions({ workCenterId }));
  const [startKey, setStartKey] = useState(() => crypto.randomUUID());
  const start = useMutation(
    trpc.checklists.runs.start.mutationOptions({
      onSuccess: (run) => {
        setStartKey(crypto.randomUUID());
        setRunId(run.id);
      },
    }),
  );

  if (runId) {
    return <FloorRun runId={runId} workCenterId={workCenterId} signerName={signerName} onBack={() => setRunId(null)} />;
  }
  if (available.isPending) return <p className="muted">Loading checklists…</p>;
  if (available.isError) {
    return (
      <p className="muted">Checklists cannot be loaded right now. They appear again when the connection is back.</p>
    );
  }
  const finishing = new Set(
    [...pendingOf(queue.actions, "checklists.complete"), ...pendingOf(queue.actions, "checklists.abandon")].map(
      (action) => action.input.runId,
    ),
  );
  const { templates, openRuns } = available.data;
  if (templates.length === 0 && openRuns.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No checklists for this work center">
          A manager publishes checklists for this line or for the whole plant under Checklists.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className={styles.layout}>
      {openRuns.length > 0 ? (
        <section className={styles.group} aria-labelledby="open-runs-title">
          <h2 id="open-runs-title">In progress here</h2>
          <ul className={styles.list}>
            {openRuns.map((run) => (
              <li key={run.id} className={styles.item}>
                <div>
                  <strong>{run.templateName}</strong>
                  <span className="muted">
                    Started {formatTime(run.startedAt, timeZone)}
                    {finishing.has(run.id) ? " · finishing, pending sync" : ""}
                  </span>
                </div>
                <button type="button" className="btn btn-lg btn-primary" onClick={() => setRunId(run.id)}>
                  Continue
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className={styles.group} aria-labelledby="templates-title">
        <h2 id="templates-title">Start a checklist</h2>
        {start.error ? (
          <Alert tone="danger">
            {queue.connection === "online"
              ? apiErrorMessage(start.error)
              : "Starting a checklist needs the connection. Try again when the Wi-Fi is back."}
          </Alert>
        ) : null}
        <ul className={styles.list}>
          {templates.map((template) => (
            <li key={template.id} className={styles.item}>
              <div>
                <strong>{template.name}</strong>
                <span className="muted">
                  {template.stepCount} steps{template.description ? ` · ${template.description}` : ""}
                </span>
              </div>
              <button
                type="button"
                className="btn btn-lg"
                disabled={start.isPending}
                onClick={() =>
                  start.mutate({
                    templateId: template.id,
                    workCenterId,
                    orderId: floor.currentOrder?.id ?? null,
                    idempotencyKey: startKey,
                  })
                }
              >
                Start
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function FloorRun(props: { runId: string; workCenterId: string; signerName: string; onBack: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const queue = useOfflineQueue();
  const run = useQuery(trpc.checklists.runs.get.queryOptions({ runId: props.runId }));
  const { enqueue } = queue;
  const runName = run.data?.templateName ?? "Checklist";
  const steps = run.data?.steps;

  const actions = useMemo<TChecklistRunnerActions>(
    () => ({
      answer: (input, clientId) =>
        enqueue("checklists.answer", input, {
          label: `${runName}: ${steps?.find((step) => step.id === input.stepId)?.title ?? input.stepId}`,
          workCenterId: props.workCenterId,
          clientId,
        }),
      complete: (input, clientId) =>
        enqueue("checklists.complete", input, {
          label: `Complete “${runName}”`,
          workCenterId: props.workCenterId,
          clientId,
        }),
      abandon: (input, clientId) =>
        enqueue("checklists.abandon", input, {
          label: `Abandon “${runName}”`,
          workCenterId: props.workCenterId,
          clientId,
        }),
      uploadPhoto: (input) => client.checklists.media.upload.mutate(input),
    }),
    [enqueue, client, runName, steps, props.workCenterId],
  );

  return (
    <div className={styles.run}>
      <button type="button" className={`btn btn-lg ${styles.back}`} onClick={props.onBack}>
        <ArrowLeftIcon /> All checklists
      </button>
      {run.isPending ? <p className="muted">Loading the checklist…</p> : null}
      {run.isError && !run.data ? (
        <p className="muted">This checklist cannot be loaded right now. Try again when the connection is back.</p>
      ) : null}
      {run.data ? (
        <>
          <h2>{run.data.templateName}</h2>
          <ChecklistRunner
            key={run.data.id}
            run={withQueuedAnswers(run.data, queue)}
            signerName={props.signerName}
            actions={actions}
            onFinished={() => {
              void queryClient.invalidateQueries({ queryKey: trpc.checklists.pathKey() });
              props.onBack();
            }}
          />
        </>
      ) : null}
    </div>
  );
}

/** The run with the answers still in the outbox laid over the server's, so a reopened run shows them. */
function withQueuedAnswers(run: TChecklistRun, queue: TOfflineQueueApi): TChecklistRun {
  const queued = pendingOf(queue.actions, "checklists.answer").filter((action) => action.input.runId === run.id);
  if (queued.length === 0) return run;
  const answers = new Map(run.answers.map((answer) => [answer.stepId, answer]));
  for (const action of queued) {
    const step = run.steps.find((candidate) => candidate.id === action.input.stepId);
    if (!step) continue;
    const evaluation = evaluateAnswer(step, action.input.value);
    if (!evaluation.valid) continue;
    answers.set(step.id, {
      stepId: step.id,
      value: action.input.value,
      valueText: evaluation.valueText,
      complete: evaluation.complete,
      outOfLimit: evaluation.outOfLimit,
      failed: evaluation.failed,
      note: action.input.note ?? null,
      recordedAt: new Date(action.createdAt),
      recordedBy: null,
    });
  }
  return { ...run, answers: run.steps.flatMap((step) => answers.get(step.id) ?? []) };
}
