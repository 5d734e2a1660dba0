/**
 * Momentary (shifting) bottleneck, after Roser, Nakano & Tanaka: at any instant the bottleneck is
 * the work center in the longest uninterrupted active period. When it hands over to the next one,
 * the time their two active periods overlap is *shifting*: both constrain the line there, so it is
 * credited to both as shifting rather than to either alone.
 */

import type { TActivePeriod } from "./active-periods";
import {
  activePeriodsOf,
  activityOf,
  assertWindow,
  clipToWindow,
  type TWindow,
  type TWorkCenterTimeline,
} from "./active-periods";
import { edgesOf, type TSpan, unionLength } from "./time-spans";

export type TMomentarySegment = { start: number; end: number; kind: "SOLE" | "SHIFTING"; workCenterIds: string[] };

export type TMomentaryShare = {
  workCenterId: string;
  soleMs: number;
  shiftingMs: number;
  /** Shares of the comparable time, 0–1; sole + shifting is the time it constrained the line. */
  soleShare: number;
  shiftingShare: number;
  bottleneckShare: number;
};

export type TMomentaryBottleneck = {
  /** Time at least one work center was active or inactive: the denominator of every share. */
  comparableMs: number;
  segments: TMomentarySegment[];
  /** Every work center, largest bottleneck share first. */
  shares: TMomentaryShare[];
};

type TRun = { start: number; end: number; period: TActivePeriod };
type TShiftWindow = TSpan & { ids: [string, string] };

export function findMomentaryBottleneck(
  timelines: readonly TWorkCenterTimeline[],
  window: TWindow,
): TMomentaryBottleneck {
  assertWindow(window);
  const runs = bottleneckRuns(timelines.flatMap((timeline) => activePeriodsOf(timeline, window)));
  const shifts = shiftingWindows(runs);
  const segments: TMomentarySegment[] = [];
  const totals = new Map(timelines.map((t) => [t.workCenterId, { soleMs: 0, shiftingMs: 0 }]));
  const edges = edgesOf([...runs, ...shifts]);
  let runIndex = 0;
  let shiftIndex = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i] as number;
    const end = edges[i + 1] as number;
    while (runIndex < runs.length && (runs[runIndex] as TRun).end <= start) runIndex++;
    const run = runs[runIndex];
    if (!run || run.start > start) continue;
    while (shiftIndex < shifts.length && (shifts[shiftIndex] as TShiftWindow).end <= start) shiftIndex++;
    const covering: TShiftWindow[] = [];
    for (let k = shiftIndex; k < shifts.length && (shifts[k] as TShiftWindow).start < end; k++) {
      const shift = shifts[k] as TShiftWindow;
      if (shift.start <= start && shift.end >= end) covering.push(shift);
    }
    const ids = covering.length
      ? [...new Set(covering.flatMap((shift) => shift.ids))].sort()
      : [run.period.workCenterId];
    const kind = covering.length ? "SHIFTING" : "SOLE";
    for (const id of ids) {
      const total = totals.get(id);
      if (total) total[kind === "SOLE" ? "soleMs" : "shiftingMs"] += end - start;
    }
    appendSegment(segments, { start, end, kind, workCenterIds: ids });
  }
  const comparableMs = unionLength(
    timelines.flatMap((t) => clipToWindow(t.intervals, window).filter((i) => activityOf(i.state) !== "EXCLUDED")),
  );
  const shares = [...totals].map(([workCenterId, { soleMs, shiftingMs }]) => ({
    workCenterId,
    soleMs,
    shiftingMs,
    soleShare: comparableMs > 0 ? soleMs / comparableMs : 0,
    shiftingShare: comparableMs > 0 ? shiftingMs / comparableMs : 0,
    bottleneckShare: comparableMs > 0 ? (soleMs + shiftingMs) / comparableMs : 0,
  }));
  shares.sort((a, b) => b.bottleneckShare - a.bottleneckShare || a.workCenterId.localeCompare(b.workCenterId));
  return { comparableMs, segments, shares };
}

/** Who holds the longest active period in each slice, merged into runs of the same period. */
function bottleneckRuns(periods: readonly TActivePeriod[]): TRun[] {
  const runs: TRun[] = [];
  const byStart = [...periods].sort((a, b) => a.start - b.start);
  const edges = edgesOf(periods);
  // Sweep: only the periods open at this slice are compared, at most one per work center.
  let open: TActivePeriod[] = [];
  let next = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i] as number;
    const end = edges[i + 1] as number;
    while (next < byStart.length && (byStart[next] as TActivePeriod).start <= start)
      open.push(byStart[next++] as TActivePeriod);
    open = open.filter((period) => period.end >= end);
    let longest: TActivePeriod | null = null;
    for (const period of open) {
      if (!longest || isLonger(period, longest)) longest = period;
    }
    if (!longest) continue;
    const last = runs.at(-1);
    if (last && last.period === longest && last.end === start) last.end = end;
    else runs.push({ start, end, period: longest });
  }
  return runs;
}

/** Longer period wins; ties go to the earlier start, then the id, so results are repeatable. */
function isLonger(a: TActivePeriod, b: TActivePeriod): boolean {
  const lengthA = a.end - a.start;
  const lengthB = b.end - b.start;
  if (lengthA !== lengthB) return lengthA > lengthB;
  if (a.start !== b.start) return a.start < b.start;
  return a.workCenterId < b.workCenterId;
}

/**
 * Overlap of consecutive bottlenecks' active periods, kept within their two runs: outside them a
 * third work center held the line, and that time is not the handover's.
 */
function shiftingWindows(runs: readonly TRun[]): TShiftWindow[] {
  const windows: TShiftWindow[] = [];
  for (let i = 0; i + 1 < runs.length; i++) {
    const current = runs[i] as TRun;
    const next = runs[i + 1] as TRun;
    if (current.end !== next.start || current.period.workCenterId === next.period.workCenterId) continue;
    const start = Math.max(current.period.start, next.period.start, current.start);
    const end = Math.min(current.period.end, next.period.end, next.end);
    if (end > start) windows.push({ start, end, ids: [current.period.workCenterId, next.period.workCenterId] });
  }
  return windows;
}

function appendSegment(segments: TMomentarySegment[], segment: TMomentarySegment): void {
  const last = segments.at(-1);
  const same =
    last &&
    last.end === segment.start &&
    last.kind === segment.kind &&
    last.workCenterIds.join() === segment.workCenterIds.join();
  if (last && same) last.end = segment.end;
  else segments.push(segment);
}
