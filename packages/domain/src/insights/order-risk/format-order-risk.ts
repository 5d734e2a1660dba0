import { MS_PER_DAY, utcToZoned } from "../../calendar/zoned-time";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const units = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatUnits(count: number): string {
  return units.format(count);
}

/**
 * "Tue 14:10" on the site's wall clock; the date is added once it is a week or more away, where
 * the weekday alone would be ambiguous.
 */
export function formatSiteTime(instant: number, now: number, timeZone: string): string {
  const local = utcToZoned(instant, timeZone);
  const clock = `${String(Math.floor(local.minuteOfDay / 60)).padStart(2, "0")}:${String(local.minuteOfDay % 60).padStart(2, "0")}`;
  const weekday = WEEKDAYS[local.isoWeekday - 1] ?? "";
  if (Math.abs(instant - now) < 6 * MS_PER_DAY) return `${weekday} ${clock}`;
  return `${weekday} ${local.day} ${MONTHS[local.month - 1] ?? ""} ${clock}`;
}
