/** Labels of the trend's points. Pure and free of app imports, so unit tests run it as it is. */

type TTrendPointLabelInput = {
  date: string;
  lastDate: string;
  week: string | null;
  shiftName: string | null;
  partial: boolean;
};

/** "Mar 8" for a local date string, without a time zone round trip. */
export function formatLocalDay(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** "Mar 9–15", or "Mar 30 – Apr 5" across a month: the local dates a point sums. */
export function formatLocalDayRange(first: string, last: string): string {
  if (first === last) return formatLocalDay(first);
  const [from, to] = [formatLocalDay(first), formatLocalDay(last)];
  const [fromMonth] = from.split(" ");
  const [toMonth, toDay] = to.split(" ");
  return fromMonth === toMonth ? `${from}–${toDay}` : `${from} – ${to}`;
}

/**
 * How a trend point is named on the axis and in the tooltip: "Mar 8", "Mar 8 · Early", or for a
 * week "W11 · Mar 9–15", with "(partial)" when the range cut the week.
 */
export function trendPointLabel(point: TTrendPointLabelInput): string {
  if (point.week) {
    const number = point.week.split("-W")[1] ?? point.week;
    const label = `W${number} · ${formatLocalDayRange(point.date, point.lastDate)}`;
    return point.partial ? `${label} (partial)` : label;
  }
  return point.shiftName ? `${formatLocalDay(point.date)} · ${point.shiftName}` : formatLocalDay(point.date);
}

/** The axis tick: a week by its number only ("W11", "W10 (partial)"); days and shifts as in trendPointLabel. */
export function trendPointTick(point: TTrendPointLabelInput): string {
  if (!point.week) return trendPointLabel(point);
  const number = point.week.split("-W")[1] ?? point.week;
  return point.partial ? `W${number} (partial)` : `W${number}`;
}
