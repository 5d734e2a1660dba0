import { z } from "zod";
import { addDays, formatLocalDate, isoWeekdayOf, MS_PER_MINUTE, utcToZoned, zonedToUtc } from "./zoned-time";

export const ZShiftBreakDefinition = z.object({
  name: z.string().min(1),
  /** Minutes after the shift's local start. */
  startOffsetMinutes: z.int().min(0),
  durationMinutes: z.int().positive(),
});

export const ZShiftDefinition = z
  .object({
    name: z.string().min(1),
    /** ISO weekdays (1 = Monday … 7 = Sunday) on which the shift starts, in the site's zone. */
    weekdays: z.array(z.int().min(1).max(7)).min(1),
    /** Local wall-clock start, minutes after midnight. */
    startMinute: z.int().min(0).max(1439),
    /** May cross midnight: a night shift 22:00–06:00 has 480. */
    durationMinutes: z.int().positive().max(1440),
    breaks: z.array(ZShiftBreakDefinition),
  })
  .refine((shift) => shift.breaks.every((b) => b.startOffsetMinutes + b.durationMinutes <= shift.durationMinutes), {
    message: "Every break must end within its shift",
    path: ["breaks"],
  });

export type TShiftBreakDefinition = z.infer<typeof ZShiftBreakDefinition>;
export type TShiftDefinition = z.infer<typeof ZShiftDefinition>;

/** Time without planned production (holiday, shutdown, planned maintenance), end exclusive. */
export type NoShiftPeriod = { start: Date; end: Date };

export type ShiftBreakInstance = { name: string; start: Date; end: Date };

export type ShiftInstance = {
  shiftName: string;
  /** The local date the shift started on ("2026-03-29"), which names it in reports and handovers. */
  localDate: string;
  start: Date;
  end: Date;
  /** Sorted, inside [start, end]. */
  breaks: ShiftBreakInstance[];
};

export type ExpandShiftsInput = {
  shifts: readonly TShiftDefinition[];
  timeZone: string;
  noShiftPeriods?: readonly NoShiftPeriod[];
  /** Instances overlapping [from, to) are returned whole (not clipped to the range). */
  from: Date;
  to: Date;
};

/**
 * Concrete shift instances of a weekly pattern overlapping a UTC range.
 *
 * Start and end are local wall-clock times, so a shift spanning a daylight-saving change lasts
 * an hour less (spring) or more (autumn) in real time, as the people on it experience.
 * Breaks start at their local wall-clock time but keep their real duration: a 30-minute lunch
 * is 30 minutes even on that night.
 * No-shift periods cut instances: a shift partly inside one is trimmed, one that a period
 * splits becomes two pieces with the same name, one wholly inside disappears.
 */
export function expandShifts(input: ExpandShiftsInput): ShiftInstance[] {
  const fromMs = input.from.getTime();
  const toMs = input.to.getTime();
  if (toMs <= fromMs) return [];
  const periods = (input.noShiftPeriods ?? [])
    .map((period) => ({ start: period.start.getTime(), end: period.end.getTime() }))
    .filter((period) => period.end > period.start)
    .sort((a, b) => a.start - b.start);

  // A shift starting up to a day before `from` may still be running at `from`.
  const firstDate = addDays(utcToZoned(fromMs, input.timeZone), -2);
  const lastDate = addDays(utcToZoned(toMs, input.timeZone), 1);
  const instances: ShiftInstance[] = [];
  for (let date = firstDate; formatLocalDate(date) <= formatLocalDate(lastDate); date = addDays(date, 1)) {
    const weekday = isoWeekdayOf(date);
    for (const shift of input.shifts) {
      if (!shift.weekdays.includes(weekday)) continue;
      const start = zonedToUtc(date, shift.startMinute, input.timeZone).getTime();
      const end = zonedToUtc(date, shift.startMinute + shift.durationMinutes, input.timeZone).getTime();
      if (end <= fromMs || start >= toMs || end <= start) continue;
      const breaks = shift.breaks.map((definition) => {
        const breakStart = zonedToUtc(
          date,
          shift.startMinute + definition.startOffsetMinutes,
          input.timeZone,
        ).getTime();
        return {
          name: definition.name,
          start: breakStart,
          end: breakStart + definition.durationMinutes * MS_PER_MINUTE,
        };
      });
      for (const piece of subtractPeriods({ start, end }, periods)) {
        instances.push({
          shiftName: shift.name,
          localDate: formatLocalDate(date),
          start: new Date(piece.start),
          end: new Date(piece.end),
          breaks: clipBreaks(breaks, piece),
        });
      }
    }
  }
  return instances
    .filter((instance) => instance.end.getTime() > fromMs && instance.start.getTime() < toMs)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

type Span = { start: number; end: number };

function subtractPeriods(span: Span, periods: readonly Span[]): Span[] {
  let pieces: Span[] = [span];
  for (const period of periods) {
    pieces = pieces.flatMap((piece) => {
      if (period.end <= piece.start || period.start >= piece.end) return [piece];
      const rest: Span[] = [];
      if (period.start > piece.start) rest.push({ start: piece.start, end: period.start });
      if (period.end < piece.end) rest.push({ start: period.end, end: piece.end });
      return rest;
    });
  }
  return pieces;
}

function clipBreaks(breaks: ReadonlyArray<Span & { name: string }>, piece: Span): ShiftBreakInstance[] {
  return breaks
    .map((b) => ({ name: b.name, start: Math.max(b.start, piece.start), end: Math.min(b.end, piece.end) }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start)
    .map((b) => ({ name: b.name, start: new Date(b.start), end: new Date(b.end) }));
}
