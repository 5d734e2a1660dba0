"use client";

import type { TChecklistStep } from "@gemba/domain/checklists/checklist-steps";
import { evaluateAnswer, limitText, type TAnswerValue } from "@gemba/domain/checklists/evaluate-answer";
import { type ReactNode, useId, useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { CheckIcon, CloseIcon } from "~/components/ui/icons";
import { formatTime } from "~/lib/format";
import { PhotoAnswer } from "./photo-answer";
import styles from "./runner.module.css";
import { parseDecimal } from "./step-draft";

/** An answer as the runner shows it: the server's, or one just given (pending until its action resolves). */
export type TShownAnswer = {
  value: TAnswerValue;
  valueText: string;
  outOfLimit: boolean;
  failed: boolean;
  note: string | null;
  pending: boolean;
  recordedAt: Date | string | null;
  recordedBy: string | null;
};

type TRunnerStepProps = {
  step: TChecklistStep;
  index: number;
  total: number;
  answer: TShownAnswer | null;
  error: string | null;
  readOnly: boolean;
  onAnswer: (value: TAnswerValue, note: string | null) => void;
  uploadPhoto: (file: File) => Promise<string>;
};

/**
 * One step of a run: its instructions and image, and a control sized for a gloved finger. A
 * measured value outside the limits turns red as it is typed, with the limits beside it.
 */
export function RunnerStep({ step, index, total, answer, error, readOnly, onAnswer, uploadPhoto }: TRunnerStepProps) {
  const timeZone = usePlantTimeZone();
  const titleId = useId();
  const flagged = answer ? answer.outOfLimit || answer.failed : false;
  return (
    <section
      className={styles.step}
      data-flagged={flagged ? "true" : undefined}
      data-answered={answer ? "true" : undefined}
      aria-labelledby={titleId}
      data-testid="runner-step"
      data-step-id={step.id}
    >
      <header className={styles.stepHeader}>
        <span className={styles.stepNumber}>
          Step {index + 1} of {total}
        </span>
        {step.input.required ? null : <span className="badge">Optional</span>}
        {answer?.failed ? <span className="badge badge-danger">Failed</span> : null}
        {answer?.outOfLimit ? <span className="badge badge-danger">Out of limit</span> : null}
        {answer && !flagged && !answer.pending ? (
          <span className="badge badge-success">
            <CheckIcon size={14} /> Recorded
          </span>
        ) : null}
        {answer?.pending ? <span className="badge">Sending…</span> : null}
      </header>
      <h3 id={titleId} className={styles.stepTitle}>
        {step.title}
      </h3>
      {step.imageId ? (
        // biome-ignore lint/performance/noImgElement: a tenant's own image from /api/media, not a static asset to optimize.
        <img className={styles.stepImage} src={`/api/media/${step.imageId}`} alt={`Illustration: ${step.title}`} />
      ) : null}
      {step.instructions ? <p className={styles.instructions}>{step.instructions}</p> : null}
      {readOnly ? (
        <ReadOnlyAnswer answer={answer} />
      ) : (
        <AnswerControl step={step} answer={answer} onAnswer={onAnswer} uploadPhoto={uploadPhoto} />
      )}
      {error ? (
        <p className={styles.stepError} role="alert">
          {error}
        </p>
      ) : null}
      {answer?.recordedAt && answer.recordedBy && !answer.pending ? (
        <p className="subtle">
          Recorded by {answer.recordedBy} at {formatTime(answer.recordedAt, timeZone)}
        </p>
      ) : null}
      {!readOnly && answer && flagged ? (
        <NoteField key={`${answer.valueText}-${answer.note ?? ""}`} answer={answer} onAnswer={onAnswer} />
      ) : null}
    </section>
  );
}

function ReadOnlyAnswer({ answer }: { answer: TShownAnswer | null }) {
  if (!answer) return <p className={styles.unanswered}>Not answered</p>;
  return (
    <div className={styles.readOnlyAnswer}>
      {"mediaId" in answer.value ? (
        // biome-ignore lint/performance/noImgElement: a photo taken during the run, served from /api/media.
        <img className={styles.photo} src={`/api/media/${answer.value.mediaId}`} alt="Taken at this step" />
      ) : (
        <p className={styles.answerText} data-flagged={answer.outOfLimit || answer.failed ? "true" : undefined}>
          {answer.valueText}
        </p>
      )}
      {answer.note ? <p className={styles.note}>Note: {answer.note}</p> : null}
    </div>
  );
}

type TControlProps = {
  step: TChecklistStep;
  answer: TShownAnswer | null;
  onAnswer: (value: TAnswerValue, note: string | null) => void;
  uploadPhoto: (file: File) => Promise<string>;
};

function AnswerControl({ step, answer, onAnswer, uploadPhoto }: TControlProps): ReactNode {
  const note = answer?.note ?? null;
  switch (step.input.kind) {
    case "CHECK": {
      const checked = answer !== null && "checked" in answer.value && answer.value.checked;
      return (
        <button
          type="button"
          className={`${styles.bigChoice} ${checked ? styles.choicePass : ""}`}
          aria-pressed={checked}
          onClick={() => onAnswer({ checked: !checked }, note)}
        >
          <CheckIcon size={24} /> {checked ? "Done" : "Mark as done"}
        </button>
      );
    }
    case "PASS_FAIL": {
      const pass = answer !== null && "pass" in answer.value ? answer.value.pass : null;
      return (
        <div className={styles.choices}>
          <button
            type="button"
            className={`${styles.bigChoice} ${pass === true ? styles.choicePass : ""}`}
            aria-pressed={pass === true}
            onClick={() => onAnswer({ pass: true }, note)}
          >
            <CheckIcon size={24} /> Pass
          </button>
          <button
            type="button"
            className={`${styles.bigChoice} ${pass === false ? styles.choiceFail : ""}`}
            aria-pressed={pass === false}
            onClick={() => onAnswer({ pass: false }, note)}
          >
            <CloseIcon size={24} /> Fail
          </button>
        </div>
      );
    }
    case "NUMBER":
      return <NumberAnswer step={step} answer={answer} onAnswer={onAnswer} />;
    case "TEXT":
      return <TextAnswer answer={answer} onAnswer={onAnswer} />;
    case "PHOTO":
      return (
        <PhotoAnswer
          mediaId={answer && "mediaId" in answer.value ? answer.value.mediaId : null}
          upload={uploadPhoto}
          onUploaded={(mediaId) => onAnswer({ mediaId }, note)}
        />
      );
  }
}

function NumberAnswer({ step, answer, onAnswer }: Omit<TControlProps, "uploadPhoto">) {
  const id = useId();
  const recorded = answer && "number" in answer.value ? answer.value.number : null;
  const [text, setText] = useState(recorded === null ? "" : String(recorded));
  const [problem, setProblem] = useState<string | null>(null);
  const input = step.input.kind === "NUMBER" ? step.input : null;
  if (!input) return null;
  const limits = limitText(input);
  const parsed = parseDecimal(text);
  const preview = typeof parsed === "number" ? evaluateAnswer(step, { number: parsed }) : null;
  const outOfLimit = preview?.valid === true && preview.outOfLimit;

  const record = () => {
    if (parsed === null) return;
    if (parsed === "invalid") {
      setProblem("Enter a number, e.g. 182 or 82.5.");
      return;
    }
    if (preview && !preview.valid) {
      setProblem(preview.error);
      return;
    }
    setProblem(null);
    if (parsed !== recorded) onAnswer({ number: parsed }, answer?.note ?? null);
  };

  return (
    <div className={styles.numberAnswer}>
      <label className="visually-hidden" htmlFor={id}>
        {step.title}
        {input.unit ? ` in ${input.unit}` : ""}
      </label>
      <div className={styles.numberRow}>
        <input
          id={id}
          className={styles.numberInput}
          data-flagged={outOfLimit ? "true" : undefined}
          inputMode="decimal"
          autoComplete="off"
          enterKeyHint="done"
          value={text}
          placeholder={input.min !== null && input.max !== null ? `${input.min}–${input.max}` : "Value"}
          aria-invalid={outOfLimit || problem ? true : undefined}
          aria-describedby={`${id}-limits`}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          onBlur={record}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              record();
            }
          }}
        />
        {input.unit ? <span className={styles.unit}>{input.unit}</span> : null}
        <button type="button" className={`btn btn-lg ${styles.recordButton}`} onClick={record}>
          Record
        </button>
      </div>
      <p id={`${id}-limits`} className={outOfLimit ? styles.limitAlert : styles.limitText} aria-live="polite">
        {outOfLimit && preview?.valid
          ? `Out of limit: ${preview.valueText}`
          : limits
            ? `${limits[0]?.toUpperCase()}${limits.slice(1)}`
            : "No limits for this value."}
      </p>
      {problem ? (
        <p className={styles.stepError} role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function TextAnswer({ answer, onAnswer }: Pick<TControlProps, "answer" | "onAnswer">) {
  const id = useId();
  const recorded = answer && "text" in answer.value ? answer.value.text : "";
  const [text, setText] = useState(recorded);
  const save = () => {
    if (text.trim() && text.trim() !== recorded) onAnswer({ text }, answer?.note ?? null);
  };
  return (
    <div className={styles.textAnswer}>
      <label className="visually-hidden" htmlFor={id}>
        Your answer
      </label>
      <textarea
        id={id}
        className={`input ${styles.textArea}`}
        value={text}
        maxLength={2_000}
        placeholder="Write your answer"
        onChange={(event) => setText(event.target.value)}
        onBlur={save}
      />
      <div>
        <button type="button" className="btn btn-lg" onClick={save} disabled={!text.trim() || text.trim() === recorded}>
          Save answer
        </button>
      </div>
    </div>
  );
}

/** A sentence on what was done about a failed or out-of-limit step: it goes with the answer into the task a rule creates. */
function NoteField({ answer, onAnswer }: { answer: TShownAnswer; onAnswer: TControlProps["onAnswer"] }) {
  const id = useId();
  const [note, setNote] = useState(answer.note ?? "");
  const changed = note.trim() !== (answer.note ?? "");
  return (
    <div className={styles.noteField}>
      <label className="field-label" htmlFor={id}>
        Note <span className="subtle">(what did you do about it?)</span>
      </label>
      <div className={styles.numberRow}>
        <input
          id={id}
          className={`input ${styles.noteInput}`}
          value={note}
          maxLength={500}
          placeholder="e.g. Maintenance called, press stopped"
          onChange={(event) => setNote(event.target.value)}
        />
        <button
          type="button"
          className="btn btn-lg"
          disabled={!changed}
          onClick={() => onAnswer(answer.value, note.trim() || null)}
        >
          Save note
        </button>
      </div>
    </div>
  );
}
