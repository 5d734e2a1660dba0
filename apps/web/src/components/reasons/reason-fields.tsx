"use client";

import { LOSS_FACTOR } from "@gemba/domain/reasons/default-reasons";
import {
  allowedLossCategories,
  LOSS_LABELS,
  REASON_APPLIES_TO,
  REASON_CODE_MAX_LENGTH,
  REASON_LABEL_MAX_LENGTH,
  type TReasonAppliesTo,
} from "@gemba/domain/reasons/reason-rules";
import { useId } from "react";
import { FieldErrors } from "~/components/ui/field-errors";
import { FACTOR_LABELS } from "./loss-badge";
import {
  isLockedByCalendar,
  type TDraftErrors,
  type TReasonDraft,
  withAppliesTo,
  withExcluded,
  withLabel,
} from "./reason-draft";
import type { TReasonCategory } from "./reason-types";
import styles from "./reasons.module.css";

const APPLIES_TO_CHOICES: Record<TReasonAppliesTo, { title: string; hint: string }> = {
  DOWN: { title: "Down", hint: "Breakdowns: the machine cannot run" },
  IDLE: { title: "Idle", hint: "Could run, but starved, blocked or waiting" },
  PLANNED_STOP: { title: "Planned stop", hint: "Changeover, planned maintenance, breaks" },
  SCRAP: { title: "Scrapped parts", hint: "Why parts were rejected" },
};

type TReasonFieldsProps = {
  draft: TReasonDraft;
  onChange: (draft: TReasonDraft) => void;
  errors: TDraftErrors;
  mode: "create" | "edit";
  categories: readonly Pick<TReasonCategory, "id" | "name">[];
  disabled: boolean;
};

/** The reason form: names, category, what it explains, and the one loss it counts against. */
export function ReasonFields({ draft, onChange, errors, mode, categories, disabled }: TReasonFieldsProps) {
  const id = useId();
  const locked = isLockedByCalendar(draft, mode);
  const isScrap = draft.appliesTo === "SCRAP";
  return (
    <>
      <div className={styles.formGrid}>
        <label className="field">
          <span className="field-label">Label</span>
          <input
            className="input"
            value={draft.label}
            maxLength={REASON_LABEL_MAX_LENGTH}
            disabled={disabled}
            aria-invalid={Boolean(errors.label)}
            onChange={(event) => onChange(withLabel(draft, event.target.value))}
          />
          <span className="field-hint">What operators see when they pick a reason.</span>
          <FieldErrors messages={errors.label} />
        </label>
        <label className="field">
          <span className="field-label">Code</span>
          <input
            className={`input mono ${styles.codeInput}`}
            value={draft.code}
            maxLength={REASON_CODE_MAX_LENGTH}
            readOnly={mode === "edit"}
            disabled={disabled}
            aria-invalid={Boolean(errors.code)}
            onChange={(event) => onChange({ ...draft, code: event.target.value.toUpperCase(), codeEdited: true })}
          />
          <span className="field-hint">
            {mode === "edit"
              ? "Codes never change: machines, connectors and history refer to them."
              : "Sent by machines and connectors: A–Z, 0–9 and _."}
          </span>
          <FieldErrors messages={errors.code} />
        </label>
      </div>

      <label className={`field ${styles.categoryField}`}>
        <span className="field-label">Category</span>
        <select
          className="select"
          value={draft.categoryId}
          disabled={disabled}
          aria-invalid={Boolean(errors.categoryId)}
          onChange={(event) => onChange({ ...draft, categoryId: event.target.value })}
        >
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
        <FieldErrors messages={errors.categoryId} />
      </label>

      <fieldset className={styles.fieldset} disabled={disabled || locked}>
        <legend className="field-label">What does it explain?</legend>
        <div className={styles.choiceGrid}>
          {REASON_APPLIES_TO.map((appliesTo) => (
            <label key={appliesTo} className={styles.choice}>
              <input
                type="radio"
                name={`${id}-applies`}
                checked={draft.appliesTo === appliesTo}
                onChange={() => onChange(withAppliesTo(draft, appliesTo))}
              />
              <span className={styles.choiceText}>
                <strong>{APPLIES_TO_CHOICES[appliesTo].title}</strong>
                <small>{APPLIES_TO_CHOICES[appliesTo].hint}</small>
              </span>
            </label>
          ))}
        </div>
        <FieldErrors messages={errors.appliesTo} />
      </fieldset>

      {isScrap ? null : (
        <div className="field">
          <label className={styles.checkbox}>
            <input
              type="checkbox"
              checked={draft.excludedFromPlannedTime}
              disabled={disabled || locked}
              onChange={(event) => onChange(withExcluded(draft, event.target.checked))}
            />
            Planned time off
          </label>
          <span className={`field-hint ${styles.checkboxHint}`}>
            {locked
              ? `${draft.code} is booked by the shift calendar, which always takes it out of planned production time.`
              : "Taken out of planned production time, like breaks or no order: it counts against no loss."}
          </span>
          <FieldErrors messages={errors.excludedFromPlannedTime} />
        </div>
      )}

      {!isScrap && draft.excludedFromPlannedTime ? null : (
        <fieldset className={styles.fieldset} disabled={disabled}>
          <legend className="field-label">Counts against</legend>
          <div className={styles.lossChoices}>
            {allowedLossCategories(draft.appliesTo).map((loss) => (
              <label key={loss} className={`${styles.choice} ${styles.factor}`} data-factor={LOSS_FACTOR[loss]}>
                <input
                  type="radio"
                  name={`${id}-loss`}
                  checked={draft.lossCategory === loss}
                  onChange={() => onChange({ ...draft, lossCategory: loss })}
                />
                <span className={styles.choiceText}>
                  <strong>{LOSS_LABELS[loss]}</strong>
                  <small>{FACTOR_LABELS[LOSS_FACTOR[loss]]} loss</small>
                </span>
              </label>
            ))}
          </div>
          <FieldErrors messages={errors.lossCategory} />
        </fieldset>
      )}

      <p className={styles.effect}>{describeEffect(draft)}</p>
    </>
  );
}

function describeEffect(draft: TReasonDraft): string {
  if (draft.appliesTo === "SCRAP") {
    const loss = draft.lossCategory ? LOSS_LABELS[draft.lossCategory].toLowerCase() : "a quality loss";
    return `Parts scrapped for this reason count as ${loss} and lower quality.`;
  }
  if (draft.excludedFromPlannedTime) {
    return "Time stopped for this reason leaves planned production time: it lowers no OEE factor.";
  }
  if (!draft.lossCategory) return "Choose the loss this stop counts against.";
  const factor = FACTOR_LABELS[LOSS_FACTOR[draft.lossCategory]].toLowerCase();
  const short =
    draft.lossCategory === "MINOR_STOPS"
      ? ""
      : " A stop shorter than the work center's minor-stop threshold still counts as a minor stop.";
  return `Time stopped for this reason counts as ${LOSS_LABELS[draft.lossCategory].toLowerCase()} and lowers ${factor}.${short}`;
}
