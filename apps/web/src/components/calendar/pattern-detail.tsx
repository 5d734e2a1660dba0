"use client";

import { formatMinutes } from "@gemba/domain/calendar/calendar-text";
import { Alert } from "~/components/ui/alert";
import styles from "./calendar.module.css";
import { dayBefore, formatLocalDay } from "./calendar-format";
import type { TShift, TShiftPattern } from "./calendar-types";
import { ShiftList } from "./shift-list";
import { WeekGrid } from "./week-grid";
import { weeklyMinutes } from "./week-layout";

const STATUS: Record<TShiftPattern["status"], { label: string; className: string }> = {
  CURRENT: { label: "In effect", className: "badge badge-success badge-dot" },
  UPCOMING: { label: "Upcoming", className: "badge badge-accent" },
  PAST: { label: "Superseded", className: "badge" },
};

export function PatternStatusBadge({ status }: { status: TShiftPattern["status"] }) {
  return <span className={STATUS[status].className}>{STATUS[status].label}</span>;
}

/** "From Mon, Nov 2, 2026" or "Mon, Nov 2, 2026 – Sun, Feb 28, 2027" */
export function describeValidity(pattern: Pick<TShiftPattern, "validFrom" | "validUntil">): string {
  if (!pattern.validUntil) return `From ${formatLocalDay(pattern.validFrom)}`;
  return `${formatLocalDay(pattern.validFrom)} – ${formatLocalDay(dayBefore(pattern.validUntil))}`;
}

type TPatternDetailProps = {
  pattern: TShiftPattern;
  timeZone: string;
  canDelete: boolean;
  onEditPattern: () => void;
  onDeletePattern: () => void;
  onAddShift: () => void;
  onEditShift: (shift: TShift) => void;
  onDeleteShift: (shift: TShift) => void;
};

/** One pattern: when it applies, its week as a grid, its shifts as a list, and what is wrong with it if anything. */
export function PatternDetail(props: TPatternDetailProps) {
  const { pattern, timeZone, canDelete } = props;
  const week = weeklyMinutes(pattern.shifts);
  const headingId = `pattern-${pattern.id}`;
  return (
    <section className={styles.patternDetail} aria-labelledby={headingId}>
      <div className={styles.patternHead}>
        <div className={styles.patternTitle}>
          <h3 id={headingId}>{pattern.name}</h3>
          <PatternStatusBadge status={pattern.status} />
          <span className="muted">{describeValidity(pattern)}</span>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={props.onEditPattern}>
            Rename or move start
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={props.onDeletePattern}
            disabled={!canDelete}
            title={canDelete ? undefined : "A site needs a shift pattern. Add the next one before deleting this one."}
          >
            Delete pattern
          </button>
        </div>
      </div>
      {pattern.warnings.length > 0 ? (
        <Alert tone="warning">
          <p>
            <strong>This pattern needs attention.</strong> Edit the shifts named below:
          </p>
          <ul className={styles.bullets}>
            {pattern.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {pattern.shifts.length > 0 ? (
        <dl className={styles.stats}>
          <div>
            <dt>Planned production per week</dt>
            <dd>{formatMinutes(week.planned)}</dd>
          </div>
          <div>
            <dt>Shift time</dt>
            <dd>{formatMinutes(week.shift)}</dd>
          </div>
          <div>
            <dt>Breaks</dt>
            <dd>{formatMinutes(week.breaks)}</dd>
          </div>
          <div>
            <dt>Coverage of the week</dt>
            <dd>{Math.round((week.shift / (7 * 24 * 60)) * 100)} %</dd>
          </div>
        </dl>
      ) : null}
      <div className={styles.patternBody}>
        <WeekGrid
          shifts={pattern.shifts}
          timeZone={timeZone}
          showNow={pattern.status === "CURRENT"}
          onEditShift={(shiftId) => {
            const shift = pattern.shifts.find((candidate) => candidate.id === shiftId);
            if (shift) props.onEditShift(shift);
          }}
        />
        <ShiftList
          shifts={pattern.shifts}
          onAdd={props.onAddShift}
          onEdit={props.onEditShift}
          onDelete={props.onDeleteShift}
        />
      </div>
    </section>
  );
}
