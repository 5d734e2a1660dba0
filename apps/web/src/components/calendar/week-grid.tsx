"use client";

import {
  describeShiftTimes,
  formatClock,
  WEEKDAY_SHORT_NAMES,
  weekdayName,
} from "@gemba/domain/calendar/calendar-text";
import { utcToZoned } from "@gemba/domain/calendar/zoned-time";
import { useNow } from "~/components/execution/use-now";
import type { TShift } from "./calendar-types";
import styles from "./week-grid.module.css";
import { layoutWeek, type TWeekBlock } from "./week-layout";

const DAY_MINUTES = 1440;
const AXIS_HOURS = [0, 3, 6, 9, 12, 15, 18, 21, 24];
const pct = (minutes: number) => `${(minutes / DAY_MINUTES) * 100}%`;

type TWeekGridProps = {
  shifts: readonly TShift[];
  timeZone: string;
  /** Marks the site's current time: only for the pattern in effect today. */
  showNow: boolean;
  onEditShift?: (shiftId: string) => void;
};

/** The pattern as a week: seven days of shifts as blocks, breaks hatched inside them, in the site's local time. */
export function WeekGrid({ shifts, timeZone, showNow, onEditShift }: TWeekGridProps) {
  const days = layoutWeek(shifts);
  const now = useNow(60_000);
  const local = showNow && now !== null ? utcToZoned(now, timeZone) : null;

  return (
    <figure className={styles.figure}>
      <div className={styles.week}>
        <div className={styles.corner} aria-hidden="true" />
        {WEEKDAY_SHORT_NAMES.map((name, index) => (
          <div key={name} className={styles.dayHead} data-today={local?.isoWeekday === index + 1 || undefined}>
            {name}
          </div>
        ))}
        <div className={styles.axis} aria-hidden="true">
          {AXIS_HOURS.map((hour) => (
            <span key={hour} style={{ top: pct(hour * 60) }}>
              {String(hour).padStart(2, "0")}:00
            </span>
          ))}
        </div>
        {days.map((blocks, index) => (
          <div key={WEEKDAY_SHORT_NAMES[index]} className={styles.day} data-testid={`week-day-${index + 1}`}>
            {blocks.map((block) => (
              <ShiftBlock
                key={block.key}
                block={block}
                shift={shifts.find((s) => s.id === block.shiftId)}
                onEdit={onEditShift}
              />
            ))}
            {local?.isoWeekday === index + 1 ? (
              <div
                className={styles.now}
                style={{ top: pct(local.minuteOfDay) }}
                title={`Now, ${formatClock(local.minuteOfDay)}`}
              >
                <span className="visually-hidden">Now, {formatClock(local.minuteOfDay)}</span>
              </div>
            ) : null}
          </div>
        ))}
      </div>
      <figcaption className={styles.legend}>
        {shifts.map((shift, index) => (
          <span key={shift.id} className={styles.legendItem}>
            <ShiftSwatch index={index} />
            {shift.name}
          </span>
        ))}
        {shifts.some((shift) => shift.breaks.length > 0) ? (
          <span className={styles.legendItem}>
            <span className={`${styles.swatch} ${styles.breakSwatch}`} aria-hidden="true" />
            Break
          </span>
        ) : null}
        <span className="subtle">Times in {timeZone.replaceAll("_", " ")}</span>
      </figcaption>
    </figure>
  );
}

function ShiftBlock({
  block,
  shift,
  onEdit,
}: {
  block: TWeekBlock;
  shift: TShift | undefined;
  onEdit?: (shiftId: string) => void;
}) {
  const minutes = block.endMinute - block.startMinute;
  const times = shift ? describeShiftTimes(shift) : "";
  const breaks = block.breaks.map(
    (entry) => `${entry.name} ${formatClock(entry.startMinute)}–${formatClock(entry.endMinute)}`,
  );
  const label = `${block.shiftName}, ${weekdayName(block.startedOn)} ${times}${breaks.length > 0 ? `; breaks: ${breaks.join(", ")}` : ""}`;
  const content = (
    <>
      {block.breaks.map((entry) => (
        <span
          key={entry.key}
          className={styles.break}
          style={{
            top: `${((entry.startMinute - block.startMinute) / minutes) * 100}%`,
            height: `${((entry.endMinute - entry.startMinute) / minutes) * 100}%`,
          }}
        />
      ))}
      {minutes >= 60 ? (
        <span className={styles.blockLabel}>
          <strong>{block.shiftName}</strong>
          {minutes >= 150 ? (
            <span>
              {block.continuesFromPreviousDay
                ? `until ${formatClock(block.endMinute)}`
                : times.replace(" (next day)", "")}
            </span>
          ) : null}
        </span>
      ) : null}
    </>
  );
  const style = { top: pct(block.startMinute), height: pct(minutes) };
  const className = `${styles.block} ${block.continuesFromPreviousDay ? styles.fromBefore : ""} ${block.continuesNextDay ? styles.intoNext : ""}`;
  if (!onEdit) {
    return (
      <div className={className} data-color={block.shiftIndex % 6} style={style} title={label}>
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={className}
      data-color={block.shiftIndex % 6}
      style={style}
      title={label}
      aria-label={`Edit ${label}`}
      onClick={() => onEdit(block.shiftId)}
    >
      {content}
    </button>
  );
}

/** The color a shift has in the grid, for lists and legends elsewhere. */
export function ShiftSwatch({ index }: { index: number }) {
  return <span className={styles.swatch} data-color={index % 6} aria-hidden="true" />;
}
