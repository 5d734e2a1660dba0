"use client";

import { DECISION_LIMITS } from "@gemba/domain/decisions/decision-draft";
import { FieldErrors } from "~/components/ui/field-errors";
import { CloseIcon, PlusIcon } from "~/components/ui/icons";
import { rowKey, type TOptionDraft } from "./decision-form";
import styles from "./decisions.module.css";

type TOptionsEditorProps = {
  options: TOptionDraft[];
  chosenKey: string;
  errors: string[] | undefined;
  onChange: (options: TOptionDraft[], chosenKey: string) => void;
};

/** The options weighed, one marked as chosen (a radio: exactly one can be). */
export function OptionsEditor({ options, chosenKey, errors, onChange }: TOptionsEditorProps) {
  const update = (key: string, patch: Partial<TOptionDraft>) =>
    onChange(
      options.map((option) => (option.key === key ? { ...option, ...patch } : option)),
      chosenKey,
    );
  const remove = (key: string) => {
    const rest = options.filter((option) => option.key !== key);
    onChange(rest, key === chosenKey ? (rest[0]?.key ?? "") : chosenKey);
  };
  return (
    <fieldset className={styles.fieldset} aria-describedby="options-hint">
      <legend className="field-label">Options considered</legend>
      <span id="options-hint" className="field-hint">
        Mark the one that was chosen. Writing down the others shows what was weighed.
      </span>
      <div className={styles.optionRows}>
        {options.map((option, index) => (
          <div key={option.key} className={styles.optionRow}>
            <label className={styles.chooseRadio} title="The chosen option">
              <input
                type="radio"
                name="chosen-option"
                checked={option.key === chosenKey}
                onChange={() => onChange(options, option.key)}
                aria-label={`Option ${index + 1} was chosen`}
              />
            </label>
            <input
              className="input"
              value={option.label}
              maxLength={DECISION_LIMITS.optionLabel}
              placeholder={index === 0 ? "e.g. Move the order to PRS-202" : "e.g. Wait for the spare part"}
              aria-label={`Option ${index + 1}`}
              aria-invalid={errors ? true : undefined}
              onChange={(event) => update(option.key, { label: event.target.value })}
            />
            <input
              className={`input ${styles.optionNoteInput}`}
              value={option.note}
              maxLength={DECISION_LIMITS.optionNote}
              placeholder="Note (optional)"
              aria-label={`Note on option ${index + 1}`}
              onChange={(event) => update(option.key, { note: event.target.value })}
            />
            <button
              type="button"
              className={styles.iconButton}
              onClick={() => remove(option.key)}
              disabled={options.length <= 1}
              aria-label={`Remove option ${index + 1}`}
            >
              <CloseIcon size={16} />
            </button>
          </div>
        ))}
      </div>
      <FieldErrors messages={errors} />
      {options.length < DECISION_LIMITS.options ? (
        <div>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => onChange([...options, { key: rowKey("option"), label: "", note: "" }], chosenKey)}
          >
            <PlusIcon size={16} /> Add an option
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
