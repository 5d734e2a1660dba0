/**
 * ISO 8601 weeks of local dates: Monday to Sunday, numbered within the year that holds the
 * week's Thursday (so 2026-12-31 is in 2026-W53 and 2027-01-03 too). Dates only, no time zone:
 * which instants a week covers is up to the site's zone (local midnights), where DST makes a
 * week 167 or 169 hours long.
 */
import { addDays, formatLocalDate, isoWeekdayOf, type LocalDate } from "./zoned-time";

export type TIsoWeek = {
  /** The ISO week-numbering year: the calendar year of the week's Thursday. */
  year: number;
  /** 1..53 */
  week: number;
};

/** The ISO week a date falls in. */
export function isoWeekOf(date: LocalDate): TIsoWeek {
  const thursday = addDays(date, 4 - isoWeekdayOf(date));
  const firstOfYear = Date.UTC(thursday.year, 0, 1);
  const dayOfYear = Math.round((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - firstOfYear) / 86_400_000);
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** "2026-W03" */
export function formatIsoWeek(week: TIsoWeek): string {
  return `${String(week.year).padStart(4, "0")}-W${String(week.week).padStart(2, "0")}`;
}

/** The Monday starting the week a date falls in. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekdayOf(date));
}

/** Consecutive local dates of one ISO week that a range of dates covers. */
export type TWeekOfRange = {
  /** "2026-W03" */
  key: string;
  /** Monday and Sunday of the whole week ("2026-01-12", "2026-01-18"). */
  weekStart: string;
  weekEnd: string;
  /** The dates of the week inside the range, in order: all seven unless the range cuts the week. */
  days: string[];
  /** The range starts after the week's Monday or ends before its Sunday. */
  partial: boolean;
};

/**
 * Splits ordered, consecutive local dates ("2026-03-08", as LocalDate strings) into their ISO
 * weeks. Weeks at either end of the range keep only the range's dates and are marked partial,
 * so a week point never sums days the range left out.
 */
export function groupDaysIntoIsoWeeks(days: readonly string[]): TWeekOfRange[] {
  const weeks: TWeekOfRange[] = [];
  for (const day of days) {
    const date = parseIsoDate(day);
    const key = formatIsoWeek(isoWeekOf(date));
    const last = weeks[weeks.length - 1];
    if (last && last.key === key) {
      last.days.push(day);
      continue;
    }
    const monday = startOfIsoWeek(date);
    weeks.push({
      key,
      weekStart: formatLocalDate(monday),
      weekEnd: formatLocalDate(addDays(monday, 6)),
      days: [day],
      partial: false,
    });
  }
  for (const week of weeks) week.partial = week.days.length < 7;
  return weeks;
}

function parseIsoDate(text: string): LocalDate {
  const [year = 0, month = 0, day = 0] = text.split("-").map(Number);
  return { year, month, day };
}
