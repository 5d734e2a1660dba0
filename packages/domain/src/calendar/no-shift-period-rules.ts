import type { TNoShiftPeriodKind } from "../execution/calendar-timeline";
import { formatClock, MINUTES_PER_DAY, parseLocalDate } from "./calendar-text";
import type { TCalendarCheck, TCalendarIssue } from "./shift-rules";
import { formatLocalDate, MS_PER_DAY, utcToZoned, zonedToUtc } from "./zoned-time";

/**
 * No-shift periods (holidays, shutdowns, planned maintenance) are entered in the site's local
 * date and time and stored as UTC instants. The conversion is daylight-saving correct: a time
 * that does not exist (the hour clocks skip in spring) moves forward as clocks do, and the admin
 * is told; a time that exists twice (autumn) means its first occurrence.
 */

/** A local wall-clock moment: "YYYY-MM-DD" and minutes after midnight (1440 = the next midnight). */
export type TLocalDateTime = { date: string; minute: number };

export type TNoShiftPeriodDraft = {
  kind: TNoShiftPeriodKind;
  reason: string;
  start: TLocalDateTime;
  end: TLocalDateTime;
};

export type TNoShiftPeriodCheck = TCalendarCheck & { startsAt: Date | null; endsAt: Date | null };

export const MAX_REASON_LENGTH = 200;
export const MAX_NO_SHIFT_DAYS = 366;

export const NO_SHIFT_KIND_LABELS: Record<TNoShiftPeriodKind, string> = {
  HOLIDAY: "Holiday",
  SHUTDOWN: "Shutdown",
  PLANNED_MAINTENANCE: "Planned maintenance",
};

/** The local date and minute the site's clock shows at an instant (to fill an edit form). */
export function localDateTimeOf(instant: Date | number, timeZone: string): TLocalDateTime {
  const zoned = utcToZoned(instant, timeZone);
  return { date: formatLocalDate(zoned), minute: zoned.minuteOfDay };
}

function toInstant(
  value: TLocalDateTime,
  field: "start" | "end",
  timeZone: string,
  errors: TCalendarIssue[],
  warnings: TCalendarIssue[],
): Date | null {
  const label = field === "start" ? "start" : "end";
  const date = parseLocalDate(value.date);
  if (!date) {
    errors.push({ field, message: `Enter the ${label} date.` });
    return null;
  }
  if (!Number.isInteger(value.minute) || value.minute < 0 || value.minute > MINUTES_PER_DAY) {
    errors.push({ field, message: `Enter the ${label} time.` });
    return null;
  }
  if (value.minute % 15 !== 0) {
    errors.push({
      field,
      message: `The ${label} time ${formatClock(value.minute)} is not on a quarter hour. OEE is rolled up in 15-minute blocks, so use :00, :15, :30 or :45.`,
    });
  }
  const instant = zonedToUtc(date, value.minute, timeZone);
  const shown = localDateTimeOf(instant, timeZone);
  const asEntered = value.minute === MINUTES_PER_DAY ? null : { date: value.date, minute: value.minute };
  if (asEntered && (shown.date !== asEntered.date || shown.minute !== asEntered.minute)) {
    warnings.push({
      field,
      message: `${formatClock(value.minute)} on ${value.date} does not exist in ${timeZone} (clocks go forward that night); the period ${field === "start" ? "starts" : "ends"} at ${formatClock(shown.minute)}.`,
    });
  }
  return instant;
}

export function checkNoShiftPeriod(draft: TNoShiftPeriodDraft, timeZone: string): TNoShiftPeriodCheck {
  const errors: TCalendarIssue[] = [];
  const warnings: TCalendarIssue[] = [];
  const reason = draft.reason.trim();
  if (reason.length === 0) {
    errors.push({ field: "reason", message: 'Say what it is, e.g. "Christmas shutdown" or "Press 3 annual service".' });
  } else if (reason.length > MAX_REASON_LENGTH) {
    errors.push({ field: "reason", message: `Keep the description to ${MAX_REASON_LENGTH} characters or fewer.` });
  }
  const startsAt = toInstant(draft.start, "start", timeZone, errors, warnings);
  const endsAt = toInstant(draft.end, "end", timeZone, errors, warnings);
  if (startsAt && endsAt) {
    const length = endsAt.getTime() - startsAt.getTime();
    if (length < 0) errors.push({ field: "end", message: "The end is before the start. Check the dates and times." });
    else if (length === 0) errors.push({ field: "end", message: "The period ends when it starts. Enter a later end." });
    else if (length > MAX_NO_SHIFT_DAYS * MS_PER_DAY) {
      errors.push({ field: "end", message: "A period can last at most a year. Split longer closures into several." });
    }
  }
  return { errors, warnings, startsAt, endsAt };
}
