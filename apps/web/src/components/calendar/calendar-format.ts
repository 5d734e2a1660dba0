import { formatMinutes, parseLocalDate } from "@gemba/domain/calendar/calendar-text";
import { addDays, formatLocalDate, MS_PER_DAY, MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import { formatDateTime } from "~/lib/format";

/** Dates and spans of the calendar screen. Local dates ("2026-11-02") are the site's own: no zone applies. */
const LOCALE = "en-US";

function utcNoonOf(text: string): Date | null {
  const date = parseLocalDate(text);
  return date ? new Date(Date.UTC(date.year, date.month - 1, date.day, 12)) : null;
}

/** "Mon, Nov 2, 2026" */
export function formatLocalDay(text: string, withWeekday = true): string {
  const date = utcNoonOf(text);
  if (!date) return text;
  return new Intl.DateTimeFormat(LOCALE, {
    timeZone: "UTC",
    ...(withWeekday ? { weekday: "short" as const } : {}),
    month: "short",
    day: "numeric",
    year: "numeric",
  }).format(date);
}

/** The last day a pattern applies to, from the first day of the one after it. */
export function dayBefore(text: string): string {
  const date = parseLocalDate(text);
  return date ? formatLocalDate(addDays(date, -1)) : text;
}

/** "8 h", "1 day", "3 days 4 h" for real elapsed time. */
export function formatSpan(startsAt: Date, endsAt: Date): string {
  const minutes = Math.round((endsAt.getTime() - startsAt.getTime()) / MS_PER_MINUTE);
  if (minutes < 24 * 60) return formatMinutes(minutes);
  const days = Math.floor(minutes / (24 * 60));
  const rest = minutes - days * 24 * 60;
  const dayText = `${days} ${days === 1 ? "day" : "days"}`;
  return rest === 0 ? dayText : `${dayText} ${formatMinutes(rest)}`;
}

/** "in 3 days", "in 5 h", "ended 2 days ago", "now" relative to the plant's clock. */
export function describeWhenRelative(startsAt: Date, endsAt: Date, now: number): string {
  const ahead = startsAt.getTime() - now;
  if (ahead > 0) {
    return ahead >= MS_PER_DAY
      ? `in ${Math.round(ahead / MS_PER_DAY)} d`
      : `in ${formatMinutes(Math.max(1, Math.round(ahead / MS_PER_MINUTE)))}`;
  }
  const ago = now - endsAt.getTime();
  if (ago < 0) return "now";
  return ago >= MS_PER_DAY ? `ended ${Math.round(ago / MS_PER_DAY)} d ago` : "ended today";
}

/** What the admin is told after saving: which timelines are being recalculated, from when. */
export function describeRefresh(refresh: { workCenters: number; from: Date } | null, timeZone: string): string {
  if (!refresh)
    return "Nothing to recalculate: no work center of this site has data yet for the time this change affects.";
  const centers = refresh.workCenters === 1 ? "1 work center" : `${refresh.workCenters} work centers`;
  return `State timelines and OEE of ${centers} are being recalculated from ${formatDateTime(refresh.from, timeZone)}; dashboards update within a minute.`;
}
