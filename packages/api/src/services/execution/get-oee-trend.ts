import type { Tx } from "@gemba/db/tenant-scope";
import type { TCalendarSegment, TShiftRef } from "@gemba/domain/execution/calendar-timeline";
import { sumOeeComponents, type TOeeComponents } from "@gemba/domain/execution/oee";
import { z } from "zod";
import { BUCKET_SUMS, componentsFromSums, summarizeOee, type TBucketSums, type TOeeSummary } from "./bucket-sums";
import { MAX_RANGE_DAYS, withRangeCheck, ZExecutionScope, ZLocalDateRange } from "./execution-inputs";
import { loadCalendarInTx } from "./load-calendar-in-tx";
import { primaryTimeZone, resolveExecutionScope, type TScopeSite } from "./resolve-execution-scope";
import { nextLocalDate, resolveLocalDateRange, type TLocalDateRange, utcBoundsOf } from "./resolve-local-date-range";

export const ZOeeTrendInput = withRangeCheck(
  z.object({
    ...ZExecutionScope.shape,
    ...ZLocalDateRange.shape,
    granularity: z.enum(["day", "shift"]).default("day"),
  }),
  "dates",
  MAX_RANGE_DAYS,
);
export type TOeeTrendInput = z.infer<typeof ZOeeTrendInput>;

export type TOeeTrendPoint = TOeeSummary & {
  /** "2026-03-08" for a day, "2026-03-08|Early" for a shift (the shift's key). */
  key: string;
  /** The local date: of the day, or the one the shift started on. */
  date: string;
  shiftName: string | null;
  start: Date;
  end: Date;
};

export type TOeeTrend = { from: string; to: string; granularity: "day" | "shift"; points: TOeeTrendPoint[] };

type TPointDraft = { key: string; date: string; shiftName: string | null; start: number; end: number };

/**
 * OEE per local day or per shift over a range of the site's dates: bucket components summed, then
 * divided (never an average of ratios). Every day of the range is a point, and every shift of the
 * calendar whose start date is in the range, with zeros where nothing was recorded.
 */
export async function getOeeTrend(tx: Tx, input: TOeeTrendInput, now = Date.now()): Promise<TOeeTrend> {
  const scope = await resolveExecutionScope(tx, input);
  const range = resolveLocalDateRange(input, primaryTimeZone(scope), now);
  const granularity = input.granularity;
  const drafts = new Map<string, TPointDraft>();
  const components = new Map<string, TOeeComponents[]>();
  const add = (key: string, value: TOeeComponents) => {
    const list = components.get(key);
    if (list) list.push(value);
    else components.set(key, [value]);
  };

  if (granularity === "day") {
    const zone = primaryTimeZone(scope);
    for (const day of range.days) {
      const bounds = utcBoundsOf({ from: day, to: day }, zone);
      drafts.set(day, { key: day, date: day, shiftName: null, start: bounds.from, end: bounds.to });
    }
    for (const site of scope.sites) {
      for (const [day, sums] of await sumBucketsByLocalDay(tx, site, range)) add(day, componentsFromSums(sums));
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
    shifts.set(shift.key, {
      key: shift.key,
      date: dateOfShiftKey(shift.key),
      shiftName: shift.name,
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
