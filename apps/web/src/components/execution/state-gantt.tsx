"use client";

import { useState } from "react";
import { formatDateTime, formatTime } from "~/lib/format";
import { MACHINE_STATES, machineStateLabels } from "~/lib/machine-state";
import { formatMinutes, stateLabel, toMachineState } from "./execution-format";
import type { TTimelineInterval } from "./execution-types";
import styles from "./timeline.module.css";

type TStateGanttProps = { intervals: readonly TTimelineInterval[]; from: number; to: number; timeZone: string };

const HOUR_MS = 3_600_000;

/** Hour marks to label: every hour for a shift, every 2–3 hours for a day, on the site's clock. */
function hourTicks(from: number, to: number, timeZone: string) {
  const span = to - from;
  const step = span > 12 * HOUR_MS ? 3 : span > 6 * HOUR_MS ? 2 : 1;
  const ticks: { at: number; label: string }[] = [];
  const first = Math.ceil(from / HOUR_MS) * HOUR_MS;
  for (let at = first; at <= to; at += HOUR_MS) {
    const label = formatTime(new Date(at), timeZone);
    const hour = Number(label.slice(0, 2));
    if (label.endsWith(":00") && hour % step === 0) ticks.push({ at, label });
  }
  return ticks;
}

function describeInterval(interval: TTimelineInterval, timeZone: string) {
  const start = new Date(interval.start);
  const end = new Date(interval.end);
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  const reason = interval.unclassified
    ? "Unclassified: waiting for a reason"
    : (interval.reasonLabel ?? (interval.state === "RUNNING" ? null : "No reason given"));
  return {
    title: `${stateLabel(interval.state)}${interval.microStop ? " (minor stop)" : ""}`,
    when: `${formatTime(start, timeZone)}–${formatTime(end, timeZone)} · ${minutes < 1 ? "under 1 min" : formatMinutes(minutes)}`,
    reason,
    planned: interval.scheduled ? null : "Outside planned production time",
  };
}

/** A Gantt-style bar of the machine's states; unclassified stops carry a hatch and a mark above. */
export function StateGantt({ intervals, from, to, timeZone }: TStateGanttProps) {
  const [active, setActive] = useState<number | null>(null);
  const span = Math.max(1, to - from);
  const now = Date.now();
  const position = (time: number) => ((Math.min(Math.max(time, from), to) - from) / span) * 100;
  const activeInterval = active === null ? undefined : intervals[active];
  const activeText = activeInterval ? describeInterval(activeInterval, timeZone) : null;
  const unclassifiedCount = intervals.filter((interval) => interval.unclassified).length;

  return (
    <div className={styles.gantt}>
      <div className={styles.track}>
        {intervals.length === 0 ? (
          <span className={styles.noData}>
            No state recorded in this window (no signal, or before the machine was connected).
          </span>
        ) : null}
        {intervals.map((interval, index) => {
          const start = new Date(interval.start).getTime();
          const end = new Date(interval.end).getTime();
          const text = describeInterval(interval, timeZone);
          const left = position(start);
          const width = Math.max(0.15, position(end) - left);
          return (
            <button
              type="button"
              key={`${start}-${interval.state}`}
              className={styles.segment}
              data-state={toMachineState(interval.state)}
              data-unclassified={interval.unclassified || undefined}
              data-testid="timeline-segment"
              style={{ left: `${left}%`, width: `${width}%` }}
              aria-label={[text.title, text.when, text.reason, text.planned].filter(Boolean).join(", ")}
              onMouseEnter={() => setActive(index)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(index)}
              onBlur={() => setActive(null)}
            >
              {interval.unclassified ? <span className={styles.unclassifiedMark} aria-hidden="true" /> : null}
            </button>
          );
        })}
        {now > from && now < to ? (
          <span className={styles.now} style={{ left: `${position(now)}%` }} title="Now">
            <span className={styles.nowLabel}>now</span>
          </span>
        ) : null}
        {activeInterval && activeText ? (
          <span
            className={styles.tooltip}
            role="tooltip"
            style={{
              left: `${Math.min(82, Math.max(18, (position(new Date(activeInterval.start).getTime()) + position(new Date(activeInterval.end).getTime())) / 2))}%`,
            }}
          >
            <strong>{activeText.title}</strong>
            <span>{activeText.when}</span>
            {activeText.reason ? <span>{activeText.reason}</span> : null}
            {activeText.planned ? <span className="subtle">{activeText.planned}</span> : null}
          </span>
        ) : null}
      </div>
      <div className={styles.axis} aria-hidden="true">
        {hourTicks(from, to, timeZone).map((tick) => (
          <span key={tick.at} className={styles.tick} style={{ left: `${position(tick.at)}%` }}>
            {tick.label}
          </span>
        ))}
      </div>
      <div className={styles.ganttFooter}>
        <ul className={styles.legend} aria-label="States">
          {MACHINE_STATES.map((state) => (
            <li key={state}>
              <span className={styles.legendSwatch} data-state={state} aria-hidden="true" />
              {machineStateLabels[state]}
            </li>
          ))}
          <li>
            <span className={styles.legendSwatch} data-state="DOWN" data-unclassified aria-hidden="true" />
            Unclassified stop
          </li>
        </ul>
        <span className="subtle">
          {formatDateTime(new Date(from), timeZone)} – {formatDateTime(new Date(to), timeZone)}
          {unclassifiedCount > 0
            ? ` · ${unclassifiedCount} unclassified segment${unclassifiedCount === 1 ? "" : "s"}`
            : ""}
        </span>
      </div>
    </div>
  );
}
