"use client";

import { formatClock } from "@gemba/domain/calendar/calendar-text";
import { NO_SHIFT_KIND_LABELS } from "@gemba/domain/calendar/no-shift-period-rules";
import type { TNoShiftPeriodKind } from "@gemba/domain/execution/calendar-timeline";
import { useNow } from "~/components/execution/use-now";
import styles from "./calendar.module.css";
import { dayBefore, describeWhenRelative, formatLocalDay, formatSpan } from "./calendar-format";
import type { TNoShiftPeriod } from "./calendar-types";

const KIND_BADGES: Record<TNoShiftPeriodKind, string> = {
  HOLIDAY: "badge",
  SHUTDOWN: "badge badge-warning",
  PLANNED_MAINTENANCE: "badge badge-accent",
};

/** "Thu, Dec 24, 2026 – Sat, Dec 26, 2026" for whole days; "Mon, Mar 8, 2027, 06:00–14:00" within a day. */
export function describePeriodDates(period: Pick<TNoShiftPeriod, "start" | "end">): string {
  const { start, end } = period;
  if (start.minute === 0 && end.minute === 0 && end.date > start.date) {
    const last = dayBefore(end.date);
    return last === start.date
      ? `${formatLocalDay(start.date)}, all day`
      : `${formatLocalDay(start.date)} – ${formatLocalDay(last)}`;
  }
  if (start.date === end.date) {
    return `${formatLocalDay(start.date)}, ${formatClock(start.minute)}–${formatClock(end.minute)}`;
  }
  return `${formatLocalDay(start.date)} ${formatClock(start.minute)} – ${formatLocalDay(end.date)} ${formatClock(end.minute)}`;
}

type TNoShiftTableProps = {
  title: string;
  empty: string;
  periods: readonly TNoShiftPeriod[];
  timeZone: string;
  onEdit: (period: TNoShiftPeriod) => void;
  onDelete: (period: TNoShiftPeriod) => void;
};

export function NoShiftTable({ title, empty, periods, timeZone, onEdit, onDelete }: TNoShiftTableProps) {
  const now = useNow(60_000);
  return (
    <div className={styles.periodGroup}>
      <div className={styles.periodGroupHead}>
        <h3>{title}</h3>
        <span className="subtle">Times in {timeZone.replaceAll("_", " ")}</span>
      </div>
      {periods.length === 0 ? (
        <p className="subtle">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className={`table ${styles.periodTable}`} aria-label={title}>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Description</th>
                <th scope="col">When</th>
                <th scope="col" className="num">
                  Length
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.id}>
                  <td className="nowrap">
                    <span className={KIND_BADGES[period.kind]}>{NO_SHIFT_KIND_LABELS[period.kind]}</span>
                  </td>
                  <td>{period.reason}</td>
                  <td>
                    <div className="cell-stack">
                      <span>{describePeriodDates(period)}</span>
                      <small>
                        {period.status === "ONGOING" ? (
                          <span className="badge badge-success badge-dot">Now</span>
                        ) : now !== null ? (
                          describeWhenRelative(period.startsAt, period.endsAt, now)
                        ) : null}
                      </small>
                    </div>
                  </td>
                  <td className="num nowrap">{formatSpan(period.startsAt, period.endsAt)}</td>
                  <td className={styles.rowActions}>
                    <button
                      type="button"
                      className="btn btn-ghost"
                      aria-label={`Edit ${period.reason}`}
                      onClick={() => onEdit(period)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost"
                      aria-label={`Delete ${period.reason}`}
                      onClick={() => onDelete(period)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
