import { formatClock, parseClock, parseLocalDate } from "@gemba/domain/calendar/calendar-text";
import type { TNoShiftPeriodDraft } from "@gemba/domain/calendar/no-shift-period-rules";
import type { TCalendarIssue } from "@gemba/domain/calendar/shift-rules";
import { addDays, formatLocalDate } from "@gemba/domain/calendar/zoned-time";
import type { TNoShiftPeriodKind } from "@gemba/domain/execution/calendar-timeline";

/**
 * The no-shift form in the site's local dates and times. "Whole days" is how holidays and
 * shutdowns are usually given (Dec 24 to Dec 26): the end date is then inclusive, and the period
 * runs from local midnight to the midnight after the last day.
 */
export type TPeriodDraft = {
  kind: TNoShiftPeriodKind;
  reason: string;
  wholeDays: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
};

type TStoredPeriod = {
  kind: TNoShiftPeriodKind;
  reason: string;
  start: { date: string; minute: number };
  end: { date: string; minute: number };
};

function shiftDate(text: string, days: number): string {
  const date = parseLocalDate(text);
  return date ? formatLocalDate(addDays(date, days)) : text;
}

export function draftOfPeriod(period: TStoredPeriod): TPeriodDraft {
  const wholeDays = period.start.minute === 0 && period.end.minute === 0 && period.end.date > period.start.date;
  return {
    kind: period.kind,
    reason: period.reason,
    wholeDays,
    startDate: period.start.date,
    startTime: formatClock(period.start.minute),
    endDate: wholeDays ? shiftDate(period.end.date, -1) : period.end.date,
    endTime: formatClock(period.end.minute),
  };
}

/** A maintenance window tomorrow morning: the most common thing to plan. */
export function suggestNewPeriod(today: string): TPeriodDraft {
  const tomorrow = shiftDate(today, 1);
  return {
    kind: "PLANNED_MAINTENANCE",
    reason: "",
    wholeDays: false,
    startDate: tomorrow,
    startTime: "06:00",
    endDate: tomorrow,
    endTime: "14:00",
  };
}

/** What the rules and the API take: local dates and minutes, or the fields that could not be read. */
export function periodFromDraft(draft: TPeriodDraft): { period: TNoShiftPeriodDraft | null; errors: TCalendarIssue[] } {
  const errors: TCalendarIssue[] = [];
  if (!parseLocalDate(draft.startDate)) errors.push({ field: "start", message: "Enter the first day." });
  if (!parseLocalDate(draft.endDate)) errors.push({ field: "end", message: "Enter the last day." });
  if (draft.wholeDays) {
    if (errors.length > 0) return { period: null, errors };
    return {
      period: {
        kind: draft.kind,
        reason: draft.reason,
        start: { date: draft.startDate, minute: 0 },
        end: { date: shiftDate(draft.endDate, 1), minute: 0 },
      },
      errors,
    };
  }
  const startMinute = parseClock(draft.startTime);
  const endMinute = parseClock(draft.endTime);
  if (startMinute === null) errors.push({ field: "start", message: "Enter the start time, e.g. 06:00." });
  if (endMinute === null) errors.push({ field: "end", message: "Enter the end time, e.g. 14:00." });
  if (errors.length > 0 || startMinute === null || endMinute === null) return { period: null, errors };
  return {
    period: {
      kind: draft.kind,
      reason: draft.reason,
      start: { date: draft.startDate, minute: startMinute },
      end: { date: draft.endDate, minute: endMinute },
    },
    errors,
  };
}
