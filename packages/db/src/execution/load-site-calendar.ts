import { expandShifts, type TShiftDefinition } from "@gemba/domain/calendar/expand-shifts";
import { buildCalendarTimeline, type TCalendarSegment } from "@gemba/domain/execution/calendar-timeline";
import type pg from "pg";

/** validFrom is a local date (the site's), read as text so no time zone creeps in. */
type PatternRow = { id: string; validFrom: string };
type ShiftRow = {
  patternId: string;
  name: string;
  weekdays: number[];
  startMinute: number;
  durationMinutes: number;
  shiftId: string;
};
type BreakRow = { shiftId: string; name: string; startOffsetMinutes: number; durationMinutes: number };

/** A day of margin: a night shift that began the evening before `from` is still found. */
const MARGIN_MS = 86_400_000;

/**
 * The site's calendar over [from, to) as contiguous segments (production, breaks, planned
 * maintenance, no shift). Each shift pattern applies from its validFrom until the next one; a
 * site without any pattern runs 24/7. Runs inside the caller's tenant transaction.
 */
export async function loadSiteCalendar(
  client: pg.PoolClient,
  site: { id: string; timeZone: string },
  from: number,
  to: number,
): Promise<TCalendarSegment[]> {
  const patterns = (
    await client.query<PatternRow>(
      `SELECT id, "validFrom"::text AS "validFrom" FROM "ShiftPattern" WHERE "siteId" = $1 ORDER BY "validFrom"`,
      [site.id],
    )
  ).rows;
  const noShift = (
    await client.query<{ startsAt: Date; endsAt: Date; kind: "HOLIDAY" | "SHUTDOWN" | "PLANNED_MAINTENANCE" }>(
      `SELECT "startsAt", "endsAt", kind::text AS kind FROM "NoShiftPeriod"
        WHERE "siteId" = $1 AND "startsAt" < $3 AND "endsAt" > $2`,
      [site.id, new Date(from), new Date(to)],
    )
  ).rows.map((row) => ({ start: row.startsAt.getTime(), end: row.endsAt.getTime(), kind: row.kind }));
  if (patterns.length === 0) return buildCalendarTimeline({ from, to, shifts: null, noShiftPeriods: noShift });

  const shifts = (
    await client.query<ShiftRow>(
      `SELECT id AS "shiftId", "patternId", name, weekdays, "startMinute", "durationMinutes"
         FROM "Shift" WHERE "patternId" = ANY($1::uuid[])`,
      [patterns.map((pattern) => pattern.id)],
    )
  ).rows;
  const breaks = (
    await client.query<BreakRow>(
      `SELECT "shiftId", name, "startOffsetMinutes", "durationMinutes" FROM "ShiftBreak" WHERE "shiftId" = ANY($1::uuid[])`,
      [shifts.map((shift) => shift.shiftId)],
    )
  ).rows;

  const instances = patterns.flatMap((pattern, index) => {
    const nextValidFrom = patterns[index + 1]?.validFrom;
    // Local dates as UTC midnights: off by the zone's offset at most, which the margin covers.
    const validFrom = Date.parse(`${pattern.validFrom}T00:00:00Z`);
    const validTo = nextValidFrom ? Date.parse(`${nextValidFrom}T00:00:00Z`) : Number.POSITIVE_INFINITY;
    const spanFrom = Math.max(from - MARGIN_MS, validFrom - MARGIN_MS);
    const spanTo = Math.min(to + MARGIN_MS, validTo + MARGIN_MS);
    if (spanFrom >= spanTo) return [];
    const definitions: TShiftDefinition[] = shifts
      .filter((shift) => shift.patternId === pattern.id)
      .map((shift) => ({
        name: shift.name,
        weekdays: shift.weekdays,
        startMinute: shift.startMinute,
        durationMinutes: shift.durationMinutes,
        breaks: breaks
          .filter((entry) => entry.shiftId === shift.shiftId)
          .map(({ name, startOffsetMinutes, durationMinutes }) => ({ name, startOffsetMinutes, durationMinutes })),
      }));
    // validFrom is a local date; a shift belongs to the pattern valid on the day it starts.
    return expandShifts({
      shifts: definitions,
      timeZone: site.timeZone,
      from: new Date(spanFrom),
      to: new Date(spanTo),
    }).filter(
      (instance) =>
        instance.localDate >= pattern.validFrom && (nextValidFrom === undefined || instance.localDate < nextValidFrom),
    );
  });
  return buildCalendarTimeline({ from, to, shifts: instances, noShiftPeriods: noShift });
}
