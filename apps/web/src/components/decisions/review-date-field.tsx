"use client";

import { FieldErrors } from "~/components/ui/field-errors";
import { presetDate, REVIEW_PRESETS } from "./decision-form";
import styles from "./decisions.module.css";

type TReviewDateFieldProps = {
  date: string;
  time: string;
  timeZone: string;
  errors: string[] | undefined;
  onChange: (date: string, time: string) => void;
};

/** When to look back at the outcome, in the plant's clock; it becomes a task for the decider. */
export function ReviewDateField({ date, time, timeZone, errors, onChange }: TReviewDateFieldProps) {
  const now = Date.now();
  return (
    <fieldset className={styles.fieldset} aria-describedby="review-hint">
      <legend className="field-label">Review the outcome on</legend>
      <span id="review-hint" className="field-hint">
        Optional. You get a task on that day to record what actually happened. Plant time (
        {timeZone.replaceAll("_", " ")}).
      </span>
      <div className={styles.presets}>
        {REVIEW_PRESETS.map((preset) => {
          const value = presetDate(preset.days, now, timeZone);
          return (
            <button
              key={preset.id}
              type="button"
              className={styles.preset}
              aria-pressed={date === value}
              onClick={() => onChange(value, time || "08:00")}
            >
              {preset.label}
            </button>
          );
        })}
        {date ? (
          <button type="button" className="btn btn-ghost" onClick={() => onChange("", time)}>
            No review
          </button>
        ) : null}
      </div>
      <div className={styles.reviewRow}>
        <input
          type="date"
          className="input"
          value={date}
          aria-label="Review date"
          aria-invalid={errors ? true : undefined}
          onChange={(event) => onChange(event.target.value, time)}
        />
        <input
          type="time"
          className="input"
          value={time}
          aria-label="Review time"
          onChange={(event) => onChange(date, event.target.value)}
        />
      </div>
      <FieldErrors messages={errors} />
    </fieldset>
  );
}
