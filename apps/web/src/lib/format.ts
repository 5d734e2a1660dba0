/**
 * Date and number formatting for plant screens. A fixed locale keeps the server render and the
 * browser render identical; the time zone is the plant's (its site's), never the server's.
 */
const LOCALE = "en-US";

export function formatDateTime(value: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(value));
}

export function formatDate(value: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, month: "short", day: "numeric", year: "numeric" }).format(
    new Date(value),
  );
}

export function formatTime(value: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(value),
  );
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(LOCALE).format(value);
}

/** "just now", "7 min ago", "3 h ago", "2 days ago": short enough for a KPI card or a table cell. */
export function formatRelative(value: Date | string, now: Date): string {
  const seconds = Math.round((now.getTime() - new Date(value).getTime()) / 1000);
  const abs = Math.abs(seconds);
  const [amount, unit] =
    abs < 45
      ? [0, ""]
      : abs < 3_600
        ? [Math.round(abs / 60), "min"]
        : abs < 86_400
          ? [Math.round(abs / 3_600), "h"]
          : [Math.round(abs / 86_400), Math.round(abs / 86_400) === 1 ? "day" : "days"];
  if (amount === 0) return "just now";
  return seconds >= 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
function dayKey(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    value,
  );
}

export type TDueTone = "late" | "today" | "upcoming";

/** Late once the due time has passed; "today" on the plant's calendar day, not the browser's. */
export function dueTone(dueAt: Date | string, now: Date, timeZone: string): TDueTone {
  const due = new Date(dueAt);
  if (due.getTime() < now.getTime()) return "late";
  return dayKey(due, timeZone) === dayKey(now, timeZone) ? "today" : "upcoming";
}

export function minutesSince(value: Date | string, now: Date): number {
  return (now.getTime() - new Date(value).getTime()) / 60_000;
}
