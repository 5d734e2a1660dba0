import type { LocalDate } from "./zoned-time";

/**
 * How shift calendars are written for people: wall-clock times ("22:00"), weekday ranges
 * ("Sun–Thu") and local dates ("2026-03-29"). Shared by validation messages, audit summaries
 * and the admin screens so all three say the same thing the same way.
 */

export const MINUTES_PER_DAY = 1440;

/** ISO order: index 0 is Monday (ISO weekday 1). */
export const WEEKDAY_SHORT_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export function weekdayShortName(isoWeekday: number): string {
  return WEEKDAY_SHORT_NAMES[(((isoWeekday - 1) % 7) + 7) % 7] ?? "?";
}

export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[(((isoWeekday - 1) % 7) + 7) % 7] ?? "?";
}

/** Minutes after midnight as "06:00"; past midnight wraps ("22:00" + 480 → "06:00"). */
export function formatClock(minute: number): string {
  const wrapped = ((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const hours = Math.floor(wrapped / 60);
  return `${String(hours).padStart(2, "0")}:${String(wrapped % 60).padStart(2, "0")}`;
}

/** "6:00", "06:00" or "0600" → minutes after midnight; null when it is not a time of day. */
export function parseClock(text: string): number | null {
  const match = /^\s*(\d{1,2}):?(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** "22:00–06:00 (next day)" */
export function describeShiftTimes(shift: { startMinute: number; durationMinutes: number }): string {
  const end = shift.startMinute + shift.durationMinutes;
  const nextDay = end > MINUTES_PER_DAY ? " (next day)" : "";
  return `${formatClock(shift.startMinute)}–${formatClock(end)}${nextDay}`;
}

/** "1 h", "7 h 30 min", "45 min" */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/**
 * ISO weekdays as people say them: "Every day", "Mon–Fri", "Sun–Thu" (runs wrap past Sunday),
 * "Mon, Wed, Fri", "Sat, Sun". Runs of three or more days get a dash.
 */
export function describeWeekdays(weekdays: readonly number[]): string {
  const days = new Set(weekdays.filter((day) => day >= 1 && day <= 7));
  if (days.size === 0) return "No days";
  if (days.size === 7) return "Every day";
  const previous = (day: number) => (day === 1 ? 7 : day - 1);
  const next = (day: number) => (day === 7 ? 1 : day + 1);
  const runs: number[][] = [];
  for (let start = 1; start <= 7; start += 1) {
    if (!days.has(start) || days.has(previous(start))) continue;
    const run = [start];
    for (let day = next(start); days.has(day) && day !== start; day = next(day)) run.push(day);
    runs.push(run);
  }
  return runs
    .map((run) => {
      const first = run[0] ?? 1;
      const last = run[run.length - 1] ?? first;
      if (run.length >= 3) return `${weekdayShortName(first)}–${weekdayShortName(last)}`;
      return run.map(weekdayShortName).join(", ");
    })
    .join(", ");
}

/** "2026-03-29" → { year: 2026, month: 3, day: 29 }; null for anything that is not a real date. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (
    check.getUTCFullYear() !== date.year ||
    check.getUTCMonth() !== date.month - 1 ||
    check.getUTCDate() !== date.day
  ) {
    return null;
  }
  return date;
}
