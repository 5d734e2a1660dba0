import type { Tx } from "@gemba/db/tenant-scope";
import { groupDaysIntoIsoWeeks } from "@gemba/domain/calendar/iso-week";
import type { TCalendarSegment, TShiftRef } from "@gemba/domain/execution/calendar-timeline";
import { sumOeeComponents, type TOeeComponents } from "@gemba/domain/execution/oee";
import { z } from "zod";
import { BUCKET_SUMS, componentsFromSums, summarizeOee, type TBucketSums, type TOeeSummary } from "./bucket-sums";
import { MAX_RANGE_DAYS, withRangeCheck, ZExecutionScope, ZLocalDateRange } from "./execution-inputs";
import { loadCalendarInTx } from "./load-calendar-in-tx";
import { primaryTimeZone, resolveExecutionScope, type TScopeSite } from "./resolve-execution-scope";
import { nextLocalDate, resolveLocalDateRange, type TLocalDateRange, utcBoundsOf } from "./resolve-local-date-range";

export const OEE_TREND_GRANULARITIES = ["day", "week", "shift"] as const;
export type TOeeTrendGranularity = (typeof OEE_TREND_GRANULARITIES)[number];

/**
 * The same range limit for every granularity: a quarter is 13 whole weeks (14 or 15 points with
 * the weeks the range cuts at either end), and the filter is shared with the rest of the dashboard.
 */
export const ZOeeTrendInput = withRangeCheck(
  z.object({
    ...ZExecutionScope.shape,
    ...ZLocalDateRange.shape,
    granularity: z.enum(OEE_TREND_GRANULARITIES).default("day"),
  }),
  "dates",
  MAX_RANGE_DAYS,
);
export type TOeeTrendInput = z.infer<typeof ZOeeTrendInput>;

export type TOeeTrendPoint = TOeeSummary & {
  /** "2026-03-08" for a day, "2026-W11" for an ISO week, "2026-03-08|Early" for a shift (the shift's key). */
  key: string;
  /** The first local date summed: the day, the week's first date inside the range, or the date the shift started on. */
  date: string;
  /** The last local date summed: the week's last date inside the range; `date` for a day or a shift. */
  lastDate: string;
  /** The ISO week ("2026-W11") of a week point, else null. */
  week: string | null;
  shiftName: string | null;
  /** A week the range cuts at its start or end: it sums only the dates inside the range (fewer than 7). */
  partial: boolean;
  start: Date;
  end: Date;
};

export type TOeeTrend = { from: string; to: string; granularity: TOeeTrendGranularity; points: TOeeTrendPoint[] };

type TPointDraft = Omit<TOeeTrendPoint, keyof TOeeSummary | "start" | "end"> & { start: number; end: number };

/**
 * OEE per local day, ISO week (Monday to Sunday) or shift over a range of the site's dates:
 * bucket components summed, then divided (never an average of ratios). Every day and week of the
 * range is a point, and every shift of the calendar whose start date is in the range, with zeros
 * where nothing was recorded. A week sums its local days, so it is DST-correct as they are
 * (167 or 169 hours); weeks the range cuts are clipped to it and marked partial.
 */
export async function getOeeTrend(tx: Tx, input: TOeeTrendInput, now = Date.now()): Promise<TOeeTrend> {
  const scope = await resolveExecutionScope(tx, input);
  const zone = primaryTimeZone(scope);
  const range = resolveLocalDateRange(input, zone, now);
  const granularity = input.granularity;
  const drafts = new Map<string, TPointDraft>();
  const components = new Map<string, TOeeComponents[]>();
  const add = (key: string, value: TOeeComponents) => {
    const list = components.get(key);
    if (list) list.push(value);
    else components.set(key, [value]);
  };
  const spanDraft = (key: string, days: readonly string[], extra: Pick<TPointDraft, "week" | "partial">) => {
    const date = days[0] ?? range.from;
    const lastDate = days[days.length - 1] ?? date;
    const bounds = utcBoundsOf({ from: date, to: lastDate }, zone);
    return { key, date, lastDate, shiftName: null, ...extra, start: bounds.from, end: bounds.to };
  };

  if (granularity === "day" || granularity === "week") {
    const pointOfDay = new Map<string, string>();
    if (granularity === "day") {
      for (const day of range.days) {
        drafts.set(day, spanDraft(day, [day], { week: null, partial: false }));
        pointOfDay.set(day, day);
      }
    } else {
      for (const week of groupDaysIntoIsoWeeks(range.days)) {
        drafts.set(week.key, spanDraft(week.key, week.days, { week: week.key, partial: week.partial }));
        for (const day of week.days) pointOfDay.set(day, week.key);
      }
    }
    for (const site of scope.sites) {
      for (const [day, sums] of await sumBucketsByLocalDay(tx, site, range)) {
        const key = pointOfDay.get(day);
        if (key) add(key, componentsFromSums(sums));
      }
    }
  } else {
    for (const site of scope.sites) {
      const shifts = await sumBucketsByShift(tx, site, range);
      for (const [key, { components: shiftComponents, ...shift }] of shifts) {
        const known = drafts.get(key);
        drafts.set(key, known ? { ...known, start: Math.min(known.start, shift.start) } : shift);
        add(key, shiftComponents);
      }
    }
  }

  const points = [...drafts.values()]
    .sort((a, b) => a.start - b.start || a.key.localeCompare(b.key))
    .map((draft) => ({
      ...draft,
      start: new Date(draft.start),
      end: new Date(draft.end),
      ...summarizeOee(sumOeeComponents(components.get(draft.key) ?? [])),
    }));
  return { from: range.from, to: range.to, granularity, points };
}

/** Σ buckets per local date of the site, grouped in Postgres (DST-correct: 23 h and 25 h days). */
async function sumBucketsByLocalDay(tx: Tx, site: TScopeSite, range: TLocalDateRange) {
  const bounds = utcBoundsOf(range, site.timeZone);
  const rows = await tx.$queryRaw<(TBucketSums & { day: string })[]>`
    SELECT to_char((b."bucketStart" AT TIME ZONE ${site.timeZone})::date, 'YYYY-MM-DD') AS day, ${BUCKET_SUMS}
      FROM "WorkCenterBucket" b
     WHERE b."workCenterId" = ANY(${site.workCenterIds}::uuid[])
       AND b."bucketStart" >= ${new Date(bounds.from)} AND b."bucketStart" < ${new Date(bounds.to)}
     GROUP BY 1`;
  return rows.map((row) => [row.day, row] as const);
}

/**
 * Σ buckets per shift. A bucket belongs to the shift of the calendar segment holding its start (as
 * the worker's shiftAndDayKeys rolls up), so the calendar's shift spans go to Postgres, which joins
 * the buckets of the whole scope onto them and returns one row per shift: measured on the demo
 * plant, half the time of returning every bucket start and mapping it here. A shift belongs to the
 * date it started on, so a night shift starting on the last day runs past the range and is read whole.
 */
async function sumBucketsByShift(tx: Tx, site: TScopeSite, range: TLocalDateRange) {
  const bounds = utcBoundsOf({ from: range.from, to: nextLocalDate(range.to) }, site.timeZone);
  const calendar = await loadCalendarInTx(tx, site, bounds.from, bounds.to);
  const inRange = (date: string) => date >= range.from && date <= range.to;
  const spans = shiftSpans(calendar).filter((span) => inRange(dateOfShiftKey(span.key)));

  const shifts = new Map<string, TPointDraft & { components: TOeeComponents }>();
  for (const { shift } of spans) {
    if (shifts.has(shift.key)) continue;
    const date = dateOfShiftKey(shift.key);
    shifts.set(shift.key, {
      key: shift.key,
      date,
      lastDate: date,
      week: null,
      shiftName: shift.name,
      partial: false,
      start: shift.start,
      end: shift.end,
      components: sumOeeComponents([]),
    });
  }
  if (spans.length === 0) return shifts;
  const rows = await tx.$queryRaw<(TBucketSums & { shiftKey: string })[]>`
    SELECT span."shiftKey", ${BUCKET_SUMS}
      FROM unnest(${spans.map((span) => span.key)}::text[],
                  ${spans.map((span) => new Date(span.start).toISOString())}::timestamptz[],
                  ${spans.map((span) => new Date(span.end).toISOString())}::timestamptz[]) AS span("shiftKey", "from", "to")
      JOIN "WorkCenterBucket" b
        ON b."workCenterId" = ANY(${site.workCenterIds}::uuid[])
       AND b."bucketStart" >= span."from" AND b."bucketStart" < span."to"
     GROUP BY span."shiftKey"`;
  for (const row of rows) {
    const shift = shifts.get(row.shiftKey);
    if (shift) shift.components = componentsFromSums(row);
  }
  return shifts;
}

/** Runs of adjacent calendar segments of one shift (production, its breaks, maintenance inside it). */
function shiftSpans(calendar: readonly TCalendarSegment[]) {
  const spans: { key: string; start: number; end: number; shift: TShiftRef }[] = [];
  for (const segment of [...calendar].sort((a, b) => a.start - b.start)) {
    if (!segment.shift) continue;
    const last = spans[spans.length - 1];
    if (last && last.key === segment.shift.key && last.end === segment.start) last.end = segment.end;
    else spans.push({ key: segment.shift.key, start: segment.start, end: segment.end, shift: segment.shift });
  }
  return spans;
}

/** "2026-03-07|Night" → "2026-03-07": the local date the shift started on. */
function dateOfShiftKey(key: string): string {
  return key.split("|")[0] ?? "";
}
