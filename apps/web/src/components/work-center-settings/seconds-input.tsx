"use client";

import styles from "./work-center-settings.module.css";

type TSecondsInputProps = {
  label: string;
  value: string;
  min: number;
  max: number;
  /** What the value means ("= 2 min"), shown while there is no error. */
  hint: string;
  error: string | undefined;
  disabled: boolean;
  /** The row's form, when the input sits in another table cell. */
  form?: string;
  onChange: (value: string) => void;
};

/** A whole number of seconds with its unit, and what it amounts to underneath. */
export function SecondsInput({ label, value, min, max, hint, error, disabled, form, onChange }: TSecondsInputProps) {
  return (
    <div className={styles.secondsField}>
      <div className={styles.secondsBox}>
        <input
          className={`input ${styles.secondsInput}`}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value}
          form={form}
          aria-label={`${label} (seconds)`}
          aria-invalid={Boolean(error)}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        />
        <span className={styles.unit} aria-hidden="true">
          s
        </span>
      </div>
      {error ? (
        <span className="field-error">{error}</span>
      ) : (
        <span className={styles.secondsHint}>{hint || "\u00a0"}</span>
      )}
    </div>
  );
}
