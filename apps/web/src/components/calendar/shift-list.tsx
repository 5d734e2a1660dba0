"use client";

import { describeShiftTimes, describeWeekdays, formatClock, formatMinutes } from "@gemba/domain/calendar/calendar-text";
import { PlusIcon } from "~/components/ui/icons";
import styles from "./calendar.module.css";
import type { TShift } from "./calendar-types";
import { ShiftSwatch } from "./week-grid";

type TShiftListProps = {
  shifts: readonly TShift[];
  onAdd: () => void;
  onEdit: (shift: TShift) => void;
  onDelete: (shift: TShift) => void;
};

function describeBreaks(shift: TShift): string {
  return shift.breaks
    .map((entry) => {
      const start = shift.startMinute + entry.startOffsetMinutes;
      return `${entry.name} ${formatClock(start)}–${formatClock(start + entry.durationMinutes)}`;
    })
    .join(", ");
}

/** The pattern's shifts in words, with their breaks: what the grid shows, readable and editable. */
export function ShiftList({ shifts, onAdd, onEdit, onDelete }: TShiftListProps) {
  return (
    <div className={styles.shiftList}>
      <div className={styles.shiftListHead}>
        <h4>Shifts</h4>
        <button type="button" className="btn btn-primary" onClick={onAdd}>
          <PlusIcon /> Add shift
        </button>
      </div>
      {shifts.length === 0 ? (
        <p className={styles.shiftEmpty}>
          No shifts yet, so no production is planned while this pattern applies. Add the shifts your crews work, e.g.
          Early 06:00–14:00 on Mon–Fri.
        </p>
      ) : (
        <div className="table-wrap">
          <table className={`table ${styles.shiftTable}`} aria-label="Shifts of this pattern">
            <thead>
              <tr>
                <th scope="col">Shift</th>
                <th scope="col">Starts on</th>
                <th scope="col">Time</th>
                <th scope="col">Breaks</th>
                <th scope="col" className="num">
                  Planned
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shifts.map((shift, index) => {
                const breakMinutes = shift.breaks.reduce((sum, entry) => sum + entry.durationMinutes, 0);
                return (
                  <tr key={shift.id}>
                    <td>
                      <span className={styles.shiftName}>
                        <ShiftSwatch index={index} />
                        <strong>{shift.name}</strong>
                      </span>
                    </td>
                    <td className="nowrap">{describeWeekdays(shift.weekdays)}</td>
                    <td className="nowrap">{describeShiftTimes(shift)}</td>
                    <td>
                      {shift.breaks.length > 0 ? (
                        <div className="cell-stack">
                          <span>{describeBreaks(shift)}</span>
                          <small>{formatMinutes(breakMinutes)} in total</small>
                        </div>
                      ) : (
                        <span className="subtle">None</span>
                      )}
                    </td>
                    <td className="num nowrap" title="Shift length minus breaks, per shift">
                      {formatMinutes(shift.durationMinutes - breakMinutes)}
                    </td>
                    <td className={styles.rowActions}>
                      <button
                        type="button"
                        className="btn btn-ghost"
                        aria-label={`Edit shift ${shift.name}`}
                        onClick={() => onEdit(shift)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost"
                        aria-label={`Delete shift ${shift.name}`}
                        onClick={() => onDelete(shift)}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
