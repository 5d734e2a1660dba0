import {
  addDays,
  formatLocalDate,
  type LocalDate,
  MS_PER_DAY,
  startOfLocalDay,
  utcToZoned,
} from "@gemba/domain/calendar/zoned-time";
import { AppError } from "@gemba/domain/errors";
import { describeRangeProblem, MAX_RANGE_DAYS, type TLocalDateRangeInput } from "./execution-inputs";

const DEFAULT_DAYS = 7;

/** Local dates, both included, and every date between them. */
export type TLocalDateRange = { from: string; to: string; days: string[] };

/**
 * Fills in the defaults (`to` = today at the site, `from` = a week before `to`) and checks the
 * length. The dates are the site's own; turn them into instants per site with utcBoundsOf.
 */
export function resolveLocalDateRange(input: TLocalDateRangeInput, timeZone: string, now: number): TLocalDateRange {
  const today = formatLocalDate(utcToZoned(now, timeZone));
  const to = input.to ?? (input.from && input.from > today ? input.from : today);
  const from = input.from ?? formatLocalDate(addDays(parseLocalDate(to), 1 - DEFAULT_DAYS));
  const problem = describeRangeProblem(Date.parse(from), Date.parse(to) + MS_PER_DAY, MAX_RANGE_DAYS);
  if (problem) throw new AppError("BAD_REQUEST", problem);
  const days: string[] = [];
  for (let day = parseLocalDate(from); formatLocalDate(day) <= to; day = addDays(day, 1))
    days.push(formatLocalDate(day));
  return { from, to, days };
}

/** [local midnight starting `from`, local midnight after `to`) in a zone: 23 or 25 h on DST days. */
export function utcBoundsOf(range: Pick<TLocalDateRange, "from" | "to">, timeZone: string) {
  return {
    from: startOfLocalDay(parseLocalDate(range.from), timeZone).getTime(),
    to: startOfLocalDay(addDays(parseLocalDate(range.to), 1), timeZone).getTime(),
  };
}

/** "2026-03-08" → { year, month, day }; the input has been validated as an ISO date. */
export function parseLocalDate(text: string): LocalDate {
  const [year = 0, month = 0, day = 0] = text.split("-").map(Number);
  return { year, month, day };
}

export function nextLocalDate(text: string): string {
  return formatLocalDate(addDays(parseLocalDate(text), 1));
}
