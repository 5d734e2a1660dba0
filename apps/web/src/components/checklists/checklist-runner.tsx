"use client";

import { evaluateAnswer, type TAnswerValue } from "@gemba/domain/checklists/evaluate-answer";
import { completionIssues, runProgress } from "@gemba/domain/checklists/run-rules";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { FormDialog } from "~/components/ui/form-dialog";
import { CheckIcon } from "~/components/ui/icons";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import type { TChecklistRun } from "./checklist-types";
import styles from "./runner.module.css";
import { type TChecklistRunnerActions, useDirectChecklistActions } from "./runner-actions";
import { RunnerStep, type TShownAnswer } from "./runner-step";
import { ImageScaleError, scaleImage } from "./scale-image";

export type TRunnerLayout = "steps" | "list";

/**
 * ChecklistRunner — a checklist run at the machine, touch first (every control ≥ 48 px).
 *
 * Props:
 * - `run`: the run as `checklists.runs.get` returns it (steps of the run's own version, answers so
 *   far). The tablet may pass a cached copy while offline; answers given here are kept locally.
 * - `signerName`: the signed-in person, named in the sign-off sentence (the server records the
 *   signed-in user as the signer, whatever is shown).
 * - `actions` (optional): how answers, completion, abandoning and photos are sent; see
 *   `TChecklistRunnerActions` in runner-actions.ts. Left out, they go straight to the API. The
 *   floor tablet passes functions that put them in its offline queue, e.g.
 *     answer: (input, clientId) => queue.add("checklists.recordAnswer", input, clientId)
 *   and its sender calls `client.checklists.runs.recordAnswer.mutate({ ...input, idempotencyKey: clientId })`.
 * - `layout`: "steps" (one step at a time, Back/Next) or "list" (one scrolling page); the
 *   operator can switch.
 * - `readOnly`: show answers only. Completed and abandoned runs are always read-only.
 * - `onFinished(status)`: after completing or abandoning was accepted by `actions`.
 *
 * Feedback is immediate and local: a value outside its limits turns red as it is typed, and an
 * answer shows as recorded as soon as its action resolves; a refused action puts the server's
 * message on the step and restores what was there.
 */
export type TChecklistRunnerProps = {
  run: TChecklistRun;
  signerName: string;
  actions?: TChecklistRunnerActions;
  layout?: TRunnerLayout;
  readOnly?: boolean;
  onFinished?: (status: "COMPLETED" | "ABANDONED") => void;
};

const LAYOUTS = [
  { value: "steps", label: "One step" },
  { value: "list", label: "All steps" },
] as const satisfies readonly { value: TRunnerLayout; label: string }[];

export function ChecklistRunner({
  run,
  signerName,
  actions,
  layout = "list",
  readOnly,
  onFinished,
}: TChecklistRunnerProps) {
  const direct = useDirectChecklistActions();
  const send = actions ?? direct;
  const timeZone = usePlantTimeZone();
  const [view, setView] = useState<TRunnerLayout>(layout);
  const [current, setCurrent] = useState(() => firstOpenStep(run));
  const [local, setLocal] = useState<Record<string, TShownAnswer | null>>({});
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [finished, setFinished] = useState<"COMPLETED" | "ABANDONED" | null>(null);
  const status = finished ?? run.status;
  const locked = readOnly === true || status !== "IN_PROGRESS";

  const answers = new Map<string, TShownAnswer>();
  for (const answer of run.answers) {
    answers.set(answer.stepId, {
      value: answer.value,
      valueText: answer.valueText,
      outOfLimit: answer.outOfLimit,
      failed: answer.failed,
      note: answer.note,
      pending: false,
      recordedAt: answer.recordedAt,
      recordedBy: answer.recordedBy?.name ?? null,
    });
  }
  for (const [stepId, answer] of Object.entries(local)) {
    if (answer) answers.set(stepId, answer);
    else answers.delete(stepId);
  }

  const answerStep = async (stepId: string, value: TAnswerValue, note: string | null) => {
    const step = run.steps.find((candidate) => candidate.id === stepId);
    if (!step) return;
    const evaluation = evaluateAnswer(step, value);
    if (!evaluation.valid) {
      setErrors((all) => ({ ...all, [stepId]: evaluation.error }));
      return;
    }
    const before = stepId in local ? (local[stepId] ?? null) : (answers.get(stepId) ?? null);
    const shown: TShownAnswer = {
      value: evaluation.value,
      valueText: evaluation.valueText,
      outOfLimit: evaluation.outOfLimit,
      failed: evaluation.failed,
      note,
      pending: true,
      recordedAt: null,
      recordedBy: null,
    };
    setErrors((all) => ({ ...all, [stepId]: null }));
    setLocal((all) => ({ ...all, [stepId]: shown }));
    try {
      await send.answer(
        { runId: run.id, stepId, value: evaluation.value, ...(note ? { note } : {}) },
        crypto.randomUUID(),
      );
      setLocal((all) => ({
        ...all,
        [stepId]: { ...shown, pending: false, recordedAt: new Date(), recordedBy: signerName },
      }));
    } catch (error) {
      setLocal((all) => ({ ...all, [stepId]: before }));
      setErrors((all) => ({ ...all, [stepId]: messageOf(error) }));
    }
  };

  const uploadPhoto = async (file: File): Promise<string> => {
    try {
      const scaled = await scaleImage(file);
      const { mediaId } = await send.uploadPhoto({ contentType: scaled.contentType, dataBase64: scaled.dataBase64 });
      return mediaId;
    } catch (error) {
      if (error instanceof ImageScaleError) throw error;
      throw new Error(
        error instanceof TRPCClientError && error.data
          ? apiErrorMessage(error)
          : "The photo could not be sent: photos need a connection. Try again when the Wi-Fi is back.",
      );
    }
  };

  const finish = (outcome: "COMPLETED" | "ABANDONED") => {
    setFinished(outcome);
    onFinished?.(outcome);
  };

  const recorded = [...answers.entries()].map(([stepId, answer]) => ({ stepId, ...answer }));
  const flagged = recorded.filter((answer) => answer.outOfLimit || answer.failed).length;
  const answeredCount = run.steps.filter((step) => answers.has(step.id)).length;
  const stepCards = run.steps.map((step, index) => (
    <RunnerStep
      key={step.id}
      step={step}
      index={index}
      total={run.steps.length}
      answer={answers.get(step.id) ?? null}
      error={errors[step.id] ?? null}
      readOnly={locked}
      onAnswer={(value, note) => void answerStep(step.id, value, note)}
      uploadPhoto={uploadPhoto}
    />
  ));
  const finishPanel = locked ? (
    <RunOutcome run={run} status={status} timeZone={timeZone} />
  ) : (
    <SignOffPanel
      run={run}
      signerName={signerName}
      answers={recorded}
      send={send}
      onDone={finish}
      onGoToStep={(stepId) => {
        const index = run.steps.findIndex((step) => step.id === stepId);
        setCurrent(index);
        if (view === "list") document.querySelector(`[data-step-id="${stepId}"]`)?.scrollIntoView({ block: "center" });
      }}
    />
  );

  return (
    <div className={styles.runner} data-testid="checklist-runner" data-status={status}>
      <div className={styles.runnerBar}>
        <div className={styles.progress} role="status">
          <span>
            {answeredCount} of {run.steps.length} answered
          </span>
          {flagged > 0 ? (
            <span className="badge badge-danger">
              {flagged} flagged step{flagged === 1 ? "" : "s"}
            </span>
          ) : null}
          <progress className={styles.progressBar} max={run.steps.length} value={answeredCount} aria-hidden="true" />
        </div>
        {locked ? null : <SegmentedControl label="Show" options={LAYOUTS} value={view} onChange={setView} />}
      </div>
      {view === "list" || locked ? (
        <div className={styles.stepList}>
          {stepCards}
          {finishPanel}
        </div>
      ) : (
        <div className={styles.stepList}>
          {current < run.steps.length ? stepCards[current] : finishPanel}
          <div className={styles.stepNav}>
            <button
              type="button"
              className="btn btn-lg"
              disabled={current === 0}
              onClick={() => setCurrent((index) => Math.max(0, index - 1))}
            >
              Back
            </button>
            {current < run.steps.length ? (
              <button
                type="button"
                className="btn btn-lg btn-primary"
                onClick={() => setCurrent((index) => Math.min(run.steps.length, index + 1))}
              >
                {current === run.steps.length - 1 ? "To sign-off" : "Next step"}
              </button>
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}

function firstOpenStep(run: TChecklistRun): number {
  const answered = new Set(run.answers.map((answer) => answer.stepId));
  const index = run.steps.findIndex((step) => !answered.has(step.id));
  return index === -1 ? run.steps.length : index;
}

function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError) return apiErrorMessage(error);
  if (error instanceof Error && error.message) return error.message;
  return "The answer could not be recorded. Try again.";
}

type TSignOffProps = {
  run: TChecklistRun;
  signerName: string;
  answers: { stepId: string; value: TAnswerValue; outOfLimit: boolean; failed: boolean }[];
  send: TChecklistRunnerActions;
  onDone: (status: "COMPLETED" | "ABANDONED") => void;
  onGoToStep: (stepId: string) => void;
};

/** The end of the run: what is still missing, the sign-off sentence, and completing (or abandoning) it. */
function SignOffPanel({ run, signerName, answers, send, onDone, onGoToStep }: TSignOffProps) {
  const [signOff, setSignOff] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [abandoning, setAbandoning] = useState(false);
  const [reason, setReason] = useState("");
  const [abandonError, setAbandonError] = useState<string | null>(null);
  const { missing } = runProgress(run.steps, answers);
  const issues = completionIssues({
    steps: run.steps,
    answers,
    requireSignOff: run.requireSignOff,
    signOff: signOff || !run.requireSignOff,
  });

  const complete = async () => {
    if (issues.length > 0) {
      setError(issues.join(" "));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await send.complete({ runId: run.id, signOff: run.requireSignOff && signOff }, crypto.randomUUID());
      onDone("COMPLETED");
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setPending(false);
    }
  };

  const abandon = async () => {
    if (reason.trim().length < 3) {
      setAbandonError("Say why the checklist is abandoned.");
      return;
    }
    setPending(true);
    try {
      await send.abandon({ runId: run.id, reason: reason.trim() }, crypto.randomUUID());
      setAbandoning(false);
      onDone("ABANDONED");
    } catch (caught) {
      setAbandonError(messageOf(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className={styles.signOff} aria-labelledby="sign-off-title" data-testid="runner-sign-off">
      <h3 id="sign-off-title" className={styles.stepTitle}>
        {run.requireSignOff ? "Sign off" : "Complete the checklist"}
      </h3>
      {missing.length > 0 ? (
        <div className={styles.missing}>
          <p>Still to answer:</p>
          <ul>
            {missing.map((step) => (
              <li key={step.id}>
                <button type="button" className="btn btn-ghost" onClick={() => onGoToStep(step.id)}>
                  {step.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">Every required step is answered.</p>
      )}
      {run.requireSignOff ? (
        <label className={styles.signOffCheck}>
          <input type="checkbox" checked={signOff} onChange={(event) => setSignOff(event.target.checked)} />
          <span>
            I, <strong>{signerName}</strong>, confirm that I carried out every step of this checklist as recorded.
          </span>
        </label>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <div className={styles.signOffActions}>
        <button
          type="button"
          className={`btn btn-lg btn-primary ${styles.completeButton}`}
          disabled={pending}
          onClick={() => void complete()}
        >
          <CheckIcon size={20} /> {pending ? "Completing…" : run.requireSignOff ? "Sign off and complete" : "Complete"}
        </button>
        <button type="button" className="btn btn-lg btn-ghost" disabled={pending} onClick={() => setAbandoning(true)}>
          Abandon…
        </button>
      </div>
      <FormDialog
        open={abandoning}
        title="Abandon this checklist?"
        description="It stays in the history as abandoned, with your reason. Start a new one to do it again."
        submitLabel="Abandon checklist"
        pendingLabel="Abandoning…"
        pending={pending}
        error={abandonError}
        tone="danger"
        onSubmit={() => void abandon()}
        onClose={() => setAbandoning(false)}
      >
        <div className="field">
          <label className="field-label" htmlFor="abandon-reason">
            Why?
          </label>
          <input
            id="abandon-reason"
            className="input"
            value={reason}
            maxLength={500}
            placeholder="e.g. Started on the wrong press"
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      </FormDialog>
    </section>
  );
}

function RunOutcome({ run, status, timeZone }: { run: TChecklistRun; status: string; timeZone: string }) {
  if (status === "IN_PROGRESS") {
    return <Alert tone="info">This checklist is still in progress; it is shown read-only here.</Alert>;
  }
  if (status === "ABANDONED") {
    return (
      <Alert tone="warning">
        Abandoned{run.completedAt ? ` ${formatDateTime(run.completedAt, timeZone)}` : ""}
        {run.abandonReason ? `: ${run.abandonReason}` : "."}
      </Alert>
    );
  }
  return (
    <div className={styles.outcome} data-testid="runner-outcome">
      <CheckIcon size={22} />
      <div>
        <strong>Completed</strong>
        {run.signedOffBy && run.signedOffAt ? (
          <p>
            Signed off by {run.signedOffBy.name} at {formatDateTime(run.signedOffAt, timeZone)}
          </p>
        ) : run.completedAt ? (
          <p>{formatDateTime(run.completedAt, timeZone)}</p>
        ) : (
          <p>Just now</p>
        )}
      </div>
    </div>
  );
}
