/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, using only Intl (no tz database of our own).
 * Shift calendars are defined in local time; everything stored is UTC.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** A calendar date without a time zone (the local date of a site). `month` is 1..12. */
export type LocalDate = { year: number; month: number; day: number };

export type ZonedDateTime = LocalDate & {
  /** Minutes after local midnight, 0..1439. */
  minuteOfDay: number;
  /** 1 = Monday … 7 = Sunday (ISO 8601). */
  isoWeekday: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what a caller passing a bad zone deserves.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallClock = LocalDate & { hour: number; minute: number; second: number };

function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in summer: +120, Chicago in winter: -360). */
export function offsetMinutesAt(instant: Date | number, timeZone: string): number {
  const instantMs = typeof instant === "number" ? instant : instant.getTime();
  const clock = wallClockAt(instantMs, timeZone);
  const wallMs = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const wholeSecondMs = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallMs - wholeSecondMs) / MS_PER_MINUTE);
}

/**
 * The UTC instant at which the wall clock of `timeZone` shows `date` plus `minuteOfDay` minutes.
 * `minuteOfDay` may exceed a day (a shift ending the next morning) or be negative.
 * - Spring-forward gap (the local time never happens): moved forward by the gap, as clocks do
 *   (02:30 on the night Berlin skips 02:00–03:00 becomes 03:30 CEST).
 * - Fall-back overlap (the local time happens twice): the first occurrence.
 */
export function zonedToUtc(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const localMs = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MS_PER_MINUTE;
  // The true instant lies within ±14 h of localMs, so the offsets a day either side bracket it.
  const offsetBefore = offsetMinutesAt(localMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMinutesAt(localMs + MS_PER_DAY, timeZone);
  const candidates = [localMs - offsetBefore * MS_PER_MINUTE, localMs - offsetAfter * MS_PER_MINUTE]
    .filter((candidate) => candidate + offsetMinutesAt(candidate, timeZone) * MS_PER_MINUTE === localMs)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return new Date(first);
  // In the gap: keeping the offset from before the change lands as far past the gap as the time was into it.
  return new Date(localMs - offsetBefore * MS_PER_MINUTE);
}

/** The local date, minute of day and weekday the wall clock of `timeZone` shows at `instant`. */
export function utcToZoned(instant: Date | number, timeZone: string): ZonedDateTime {
  const clock = wallClockAt(typeof instant === "number" ? instant : instant.getTime(), timeZone);
  const date = { year: clock.year, month: clock.month, day: clock.day };
  return { ...date, minuteOfDay: clock.hour * 60 + clock.minute, isoWeekday: isoWeekdayOf(date) };
}

export function isoWeekdayOf(date: LocalDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * MS_PER_DAY);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY);
}

/** "2026-03-29" */
export function formatLocalDate(date: LocalDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** The UTC instant of local midnight starting `date` (01:00 if midnight itself falls into a gap). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedToUtc(date, 0, timeZone);
}
