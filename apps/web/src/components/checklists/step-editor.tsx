"use client";

import { INPUT_KIND_LABELS, INPUT_KINDS, type TInputKind } from "@gemba/domain/checklists/checklist-steps";
import { useId } from "react";
import { FieldErrors } from "~/components/ui/field-errors";
import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from "~/components/ui/icons";
import styles from "./editor.module.css";
import type { TDraftIssues, TStepDraft } from "./step-draft";
import { StepImageField } from "./step-image-field";

type TStepEditorProps = {
  step: TStepDraft;
  index: number;
  count: number;
  issues: TDraftIssues;
  onChange: (step: TStepDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

const KIND_HINTS: Readonly<Record<TInputKind, string>> = {
  CHECK: "The operator ticks it when done.",
  NUMBER: "The operator enters a measured value; outside the limits it is flagged and can start a rule.",
  PASS_FAIL: "The operator answers pass or fail; a fail is flagged and can start a rule.",
  TEXT: "The operator writes a short answer.",
  PHOTO: "The operator takes a photo with the tablet.",
};

/** One step in the editor: what to do, how it is answered, limits for a measured value, an image. */
export function StepEditor({ step, index, count, issues, onChange, onMove, onRemove }: TStepEditorProps) {
  const id = useId();
  const field = (name: string) => `${id}-${name}`;
  const issue = (path: string) => {
    const message = issues[`steps.${index}.${path}`];
    return message ? [message] : undefined;
  };
  const set = (patch: Partial<TStepDraft>) => onChange({ ...step, ...patch });
  const stepIssues = [issue("id"), issue("input")].flat().filter((message): message is string => Boolean(message));

  return (
    <fieldset className={styles.step} data-testid="step-editor">
      <legend className="visually-hidden">Step {index + 1}</legend>
      <div className={styles.stepTop}>
        <span className={styles.stepBadge} aria-hidden="true">
          {index + 1}
        </span>
        <div className={styles.stepTools}>
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={`Move step ${index + 1} up`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            <ArrowUpIcon size={16} />
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={`Move step ${index + 1} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            <ArrowDownIcon size={16} />
          </button>
          <button type="button" className="btn btn-ghost" aria-label={`Remove step ${index + 1}`} onClick={onRemove}>
            <TrashIcon size={16} />
          </button>
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={field("title")}>
          Step title
        </label>
        <input
          id={field("title")}
          className="input"
          value={step.title}
          maxLength={200}
          placeholder="e.g. Die temperature"
          aria-invalid={issue("title") ? true : undefined}
          onChange={(event) => set({ title: event.target.value })}
        />
        <FieldErrors messages={issue("title")} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={field("instructions")}>
          Instructions <span className="subtle">(optional)</span>
        </label>
        <textarea
          id={field("instructions")}
          className={`input ${styles.textarea}`}
          value={step.instructions}
          maxLength={4_000}
          placeholder="How to do it, what good looks like"
          onChange={(event) => set({ instructions: event.target.value })}
        />
        <FieldErrors messages={issue("instructions")} />
      </div>
      <div className={styles.kindRow}>
        <div className="field">
          <label className="field-label" htmlFor={field("kind")}>
            Answer
          </label>
          <select
            id={field("kind")}
            className="select"
            value={step.kind}
            onChange={(event) => set({ kind: event.target.value as TInputKind })}
          >
            {INPUT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {INPUT_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <label className={styles.requiredToggle}>
          <input
            type="checkbox"
            checked={step.required}
            onChange={(event) => set({ required: event.target.checked })}
          />
          Required to complete
        </label>
      </div>
      <p className="field-hint">{KIND_HINTS[step.kind]}</p>
      {step.kind === "NUMBER" ? (
        <div className={styles.limits}>
          {(
            [
              ["min", "Lower limit", "e.g. 180"],
              ["max", "Upper limit", "e.g. 220"],
              ["unit", "Unit", "e.g. °C"],
              ["decimals", "Decimals", "any"],
            ] as const
          ).map(([name, label, placeholder]) => (
            <div className="field" key={name}>
              <label className="field-label" htmlFor={field(name)}>
                {label}
              </label>
              <input
                id={field(name)}
                className="input"
                value={step[name]}
                inputMode={name === "unit" ? "text" : "decimal"}
                maxLength={name === "unit" ? 16 : 24}
                placeholder={placeholder}
                aria-invalid={issue(`input.${name}`) ? true : undefined}
                onChange={(event) => set({ [name]: event.target.value })}
              />
              <FieldErrors messages={issue(`input.${name}`)} />
            </div>
          ))}
        </div>
      ) : null}
      <StepImageField imageId={step.imageId} stepLabel={`step ${index + 1}`} onChange={(imageId) => set({ imageId })} />
      <FieldErrors messages={issue("imageId")} />
      {stepIssues.length > 0 ? <FieldErrors messages={stepIssues} /> : null}
    </fieldset>
  );
}
