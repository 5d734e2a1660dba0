import type { ShiftInstance } from "../calendar/expand-shifts";

/**
 * The site calendar as one flat, gap-free timeline, so the state derivation can overlay machine
 * signals on it with a single sweep.
 *
 * - PRODUCTION: planned production time (inside a shift, outside its breaks).
 * - BREAK: a shift's break; still carries the shift.
 * - PLANNED_MAINTENANCE: a planned-maintenance period; carries the shift it cuts, if any.
 * - NO_SHIFT: outside every shift, or a holiday / shutdown (even where a shift would run).
 *
 * Precedence where periods overlap: planned maintenance > holiday/shutdown > break > production.
 * Maintenance wins because it is the more specific fact about the machine (maintenance is often
 * scheduled into shutdowns); neither counts as planned production time, so OEE does not care.
 * With `shifts: null` (no calendar configured) the plant is treated as running 24/7: all
 * PRODUCTION without a shift, apart from the no-shift periods.
 */

export const CALENDAR_SEGMENT_KINDS = ["PRODUCTION", "BREAK", "PLANNED_MAINTENANCE", "NO_SHIFT"] as const;
export type TCalendarSegmentKind = (typeof CALENDAR_SEGMENT_KINDS)[number];

export type TNoShiftPeriodKind = "HOLIDAY" | "SHUTDOWN" | "PLANNED_MAINTENANCE";
/** Epoch milliseconds, end exclusive. */
export type TNoShiftPeriod = { start: number; end: number; kind: TNoShiftPeriodKind };

/**
 * The shift a segment belongs to. `key` is stable across re-derivations and names the shift in
 * rollups: "<local date the shift started>|<shift name>", e.g. "2026-03-07|Night". A shift that a
 * no-shift period splits into two pieces keeps one key.
 */
export type TShiftRef = { key: string; name: string; start: number; end: number };

export type TCalendarSegment = { start: number; end: number; kind: TCalendarSegmentKind; shift: TShiftRef | null };

export type BuildCalendarTimelineInput = {
  from: number;
  to: number;
  /** From expandShifts (with or without the no-shift periods applied); null = no calendar, 24/7. */
  shifts: readonly ShiftInstance[] | null;
  noShiftPeriods?: readonly TNoShiftPeriod[];
};

export function shiftKeyOf(instance: Pick<ShiftInstance, "localDate" | "shiftName">): string {
  return `${instance.localDate}|${instance.shiftName}`;
}

type Span = { start: number; end: number };
type ShiftSpan = Span & { ref: TShiftRef; breaks: Span[] };

const covers = (span: Span, time: number) => span.start <= time && time < span.end;

/** Contiguous, non-overlapping segments covering exactly [from, to), adjacent equal ones merged. */
export function buildCalendarTimeline(input: BuildCalendarTimelineInput): TCalendarSegment[] {
  const { from, to } = input;
  if (to <= from) return [];
  const shifts: ShiftSpan[] = (input.shifts ?? [])
    .map((instance) => ({
      start: instance.start.getTime(),
      end: instance.end.getTime(),
      ref: {
        key: shiftKeyOf(instance),
        name: instance.shiftName,
        start: instance.start.getTime(),
        end: instance.end.getTime(),
      },
      breaks: instance.breaks.map((b) => ({ start: b.start.getTime(), end: b.end.getTime() })),
    }))
    .filter((shift) => shift.end > from && shift.start < to);
  const periods = (input.noShiftPeriods ?? []).filter((p) => p.end > from && p.start < to && p.end > p.start);

  const edges = new Set<number>([from, to]);
  const addEdge = (time: number) => {
    if (time > from && time < to) edges.add(time);
  };
  for (const shift of shifts) {
    addEdge(shift.start);
    addEdge(shift.end);
    for (const b of shift.breaks) {
      addEdge(b.start);
      addEdge(b.end);
    }
  }
  for (const period of periods) {
    addEdge(period.start);
    addEdge(period.end);
  }
  const sortedEdges = [...edges].sort((a, b) => a - b);

  const segments: TCalendarSegment[] = [];
  let start = from;
  for (const end of sortedEdges.slice(1)) {
    const { kind, shift } = classifyInstant(start, input.shifts === null, shifts, periods);
    const last = segments[segments.length - 1];
    if (last && last.end === start && last.kind === kind && last.shift?.key === shift?.key) last.end = end;
    else segments.push({ start, end, kind, shift });
    start = end;
  }
  return segments;
}

function classifyInstant(
  time: number,
  allDay: boolean,
  shifts: readonly ShiftSpan[],
  periods: readonly TNoShiftPeriod[],
): Pick<TCalendarSegment, "kind" | "shift"> {
  const closed = periods.some((p) => p.kind !== "PLANNED_MAINTENANCE" && covers(p, time));
  const maintenance = periods.some((p) => p.kind === "PLANNED_MAINTENANCE" && covers(p, time));
  const owner = closed ? undefined : owningShift(time, shifts);
  const shift = owner?.ref ?? null;
  if (maintenance) return { kind: "PLANNED_MAINTENANCE", shift };
  if (closed) return { kind: "NO_SHIFT", shift: null };
  if (allDay) return { kind: "PRODUCTION", shift: null };
  if (!owner) return { kind: "NO_SHIFT", shift: null };
  return { kind: owner.breaks.some((b) => covers(b, time)) ? "BREAK" : "PRODUCTION", shift };
}

/**
 * Where shifts overlap (a handover overlap, or a misconfigured pattern) the one that started last
 * owns the time: the incoming crew is the one answering for it. Ties go to the larger key, only
 * so that the answer does not depend on input order.
 */
function owningShift(time: number, shifts: readonly ShiftSpan[]): ShiftSpan | undefined {
  let owner: ShiftSpan | undefined;
  for (const shift of shifts) {
    if (!covers(shift, time)) continue;
    if (!owner || shift.start > owner.start || (shift.start === owner.start && shift.ref.key > owner.ref.key)) {
      owner = shift;
    }
  }
  return owner;
}

/**
 * Calendar planned production time between two instants (PRODUCTION segments only). Use it to
 * look ahead, e.g. for order projections; realised PPT also drops stops with an excluded reason.
 */
export function plannedProductionMs(segments: readonly TCalendarSegment[], from: number, to: number): number {
  let total = 0;
  for (const segment of segments) {
    if (segment.kind !== "PRODUCTION") continue;
    const start = Math.max(segment.start, from);
    const end = Math.min(segment.end, to);
    if (end > start) total += end - start;
  }
  return total;
}
