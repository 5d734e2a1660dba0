"use client";

import styles from "./analysis.module.css";
import { MAX_RANGE_DAYS } from "./analysis-range";

export type TGranularity = "day" | "week" | "shift";
export type TLineOption = { lineId: string; name: string };

type TAnalysisFiltersProps = {
  from: string;
  to: string;
  today: string;
  lineId: string;
  lines: readonly TLineOption[];
  problem: string | null;
  onChange: (change: { from?: string; to?: string; lineId?: string }) => void;
  onPreset: (days: number) => void;
};

const PRESETS = [
  { days: 1, label: "Today" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
];

/** Dates are the site's own calendar days, both included. */
export function AnalysisFilters({
  from,
  to,
  today,
  lineId,
  lines,
  problem,
  onChange,
  onPreset,
}: TAnalysisFiltersProps) {
  return (
    <section className={`card ${styles.filters}`} aria-label="Filters for the charts and lists below">
      <div className={styles.filterFields}>
        <label className="field">
          <span className="field-label">From</span>
          <input
            type="date"
            className="input"
            value={from}
            max={to}
            onChange={(event) => event.target.value && onChange({ from: event.target.value })}
            aria-invalid={problem ? true : undefined}
          />
        </label>
        <label className="field">
          <span className="field-label">To</span>
          <input
            type="date"
            className="input"
            value={to}
            min={from}
            max={today}
            onChange={(event) => event.target.value && onChange({ to: event.target.value })}
            aria-invalid={problem ? true : undefined}
          />
        </label>
        <div className={styles.presets}>
          {PRESETS.map((preset) => (
            <button key={preset.days} type="button" className="btn btn-ghost" onClick={() => onPreset(preset.days)}>
              {preset.label}
            </button>
          ))}
        </div>
        <label className="field">
          <span className="field-label">Line</span>
          <select className="select" value={lineId} onChange={(event) => onChange({ lineId: event.target.value })}>
            <option value="">All lines</option>
            {lines.map((line) => (
              <option key={line.lineId} value={line.lineId}>
                {line.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : (
        <p className="field-hint">
          Up to {MAX_RANGE_DAYS} days, in the site&apos;s calendar days; today counts so far.
        </p>
      )}
    </section>
  );
}
