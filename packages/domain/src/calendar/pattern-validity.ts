import { parseLocalDate } from "./calendar-text";
import { addDays, type LocalDate, startOfLocalDay } from "./zoned-time";

/**
 * Which shift pattern of a site applies when, and which span of time a calendar change touches.
 *
 * A pattern governs the shifts that *start* on local dates from its validFrom until the next
 * pattern's validFrom (dates as "YYYY-MM-DD" in the site's zone, so they compare as text). A shift
 * starting on the last such date may run up to 24 h past it, which is why spans end a day later.
 */

export type TPatternStatus = "PAST" | "CURRENT" | "UPCOMING";

export type TPatternPeriod = { validFrom: string; validUntil: string | null; status: TPatternStatus };

/** Each pattern with the date it is superseded and whether it applies today; sorted by validFrom. */
export function listPatternPeriods<T extends { validFrom: string }>(
  patterns: readonly T[],
  today: string,
): Array<T & TPatternPeriod> {
  const sorted = [...patterns].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return sorted.map((pattern, index) => {
    const validUntil = sorted[index + 1]?.validFrom ?? null;
    const status: TPatternStatus =
      pattern.validFrom > today ? "UPCOMING" : validUntil !== null && validUntil <= today ? "PAST" : "CURRENT";
    return { ...pattern, validUntil, status };
  });
}

/** The pattern that applies on `date`, if any (before the first pattern no shifts are planned). */
export function patternOn<T extends { validFrom: string }>(patterns: readonly T[], date: string): T | undefined {
  let found: T | undefined;
  for (const pattern of patterns) {
    if (pattern.validFrom <= date && (!found || pattern.validFrom > found.validFrom)) found = pattern;
  }
  return found;
}

/** Epoch milliseconds, end exclusive; `to` may be +Infinity (open-ended). */
export type TTimeSpan = { from: number; to: number };

function requireDate(text: string): LocalDate {
  const date = parseLocalDate(text);
  if (!date) throw new RangeError(`Not a local date: ${text}`);
  return date;
}

/**
 * The UTC span shifts starting on local dates [fromDate, untilDate) can occupy: from local
 * midnight of fromDate to local midnight the day after untilDate (open-ended without untilDate).
 */
export function spanOfLocalDates(fromDate: string, untilDate: string | null, timeZone: string): TTimeSpan {
  const from = startOfLocalDay(requireDate(fromDate), timeZone).getTime();
  const to =
    untilDate === null
      ? Number.POSITIVE_INFINITY
      : startOfLocalDay(addDays(requireDate(untilDate), 1), timeZone).getTime();
  return { from, to };
}

/**
 * The span governed by the pattern starting on `validFrom` among `validFroms` (all the site's
 * patterns, that one included): what changes when its shifts change, it appears or it goes.
 */
export function patternSpan(validFroms: readonly string[], validFrom: string, timeZone: string): TTimeSpan {
  const next = validFroms.filter((date) => date > validFrom).sort()[0] ?? null;
  return spanOfLocalDates(validFrom, next, timeZone);
}

/** The smallest span covering both (a change that moves something covers where it was and is). */
export function coverSpans(a: TTimeSpan, b: TTimeSpan): TTimeSpan {
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
}

/**
 * The part of a changed span that has derived data: up to `now`. Null when the change lies
 * entirely in the future — nothing is derived there yet; the calendar is read when it arrives.
 */
export function pastPartOf(span: TTimeSpan, now: number): TTimeSpan | null {
  const to = Math.min(span.to, now);
  return span.from < to ? { from: span.from, to } : null;
}
