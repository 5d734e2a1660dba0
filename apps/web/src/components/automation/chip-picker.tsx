"use client";

import { useId } from "react";
import { CloseIcon } from "~/components/ui/icons";
import styles from "./editor.module.css";

type TChipPickerProps = {
  label: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** What an empty selection means, e.g. "Any work center". */
  emptyText: string;
  error?: string;
  hint?: string;
};

/**
 * A multi-select as chips: pick from a list to add, × to remove. Works with the keyboard and a
 * glove alike, and shows the choice in words rather than a collapsed box.
 */
export function ChipPicker({ label, options, selected, onChange, emptyText, error, hint }: TChipPickerProps) {
  const id = useId();
  const labelOf = (value: string) => options.find((option) => option.value === value)?.label ?? "(removed)";
  const remaining = options.filter((option) => !selected.includes(option.value));
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {selected.length > 0 ? (
        <ul className={styles.chips} aria-label={`${label} chosen`}>
          {selected.map((value) => (
            <li key={value} className={styles.chip}>
              {labelOf(value)}
              <button
                type="button"
                aria-label={`Remove ${labelOf(value)}`}
                onClick={() => onChange(selected.filter((entry) => entry !== value))}
              >
                <CloseIcon size={14} />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <span className={styles.anyNote}>{emptyText}</span>
      )}
      <select
        id={id}
        className="select"
        value=""
        disabled={remaining.length === 0}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          if (event.target.value) onChange([...selected, event.target.value]);
        }}
      >
        <option value="">{remaining.length === 0 ? "All chosen" : `Add ${label.toLowerCase()}…`}</option>
        {remaining.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? <span className="field-hint">{hint}</span> : null}
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Seven toggle buttons, ISO weekdays 1–7. */
export function WeekdayPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: readonly number[];
  onChange: (days: number[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="field-label">{label}</legend>
      <div className={styles.weekdays}>
        {DAYS.map((day, index) => {
          const iso = index + 1;
          const on = value.includes(iso);
          return (
            <button
              key={day}
              type="button"
              className={styles.day}
              aria-pressed={on}
              onClick={() =>
                onChange(on ? value.filter((entry) => entry !== iso) : [...value, iso].sort((a, b) => a - b))
              }
            >
              {day}
            </button>
          );
        })}
      </div>
      {error ? <span className="field-error">{error}</span> : null}
    </fieldset>
  );
}
