import type { TInsightDraft } from "../insight";

/**
 * Pieces every draft builder shares: who the finding is about, how a signal is named, and how a
 * chart is kept within the size the insight schema allows.
 */
export type TWorkCenterRef = { id: string; code: string; name: string; lineId: string };
export type TProductRef = { id: string; name: string };

/**
 * One signal of a work center as the drafts name it. `key` goes into dedupe keys and never changes
 * for the same signal ("cycle_time", "scrap_rate", "telemetry:spindle_load"); `kind` picks the advice.
 */
export type TSignalRef = {
  key: string;
  kind: "CYCLE_TIME" | "SCRAP_RATE" | "TELEMETRY";
  label: string;
  unit?: string;
};

export const MAX_CHART_POINTS = 2_000;
export const MAX_MARKED = 500;
export const MAX_LINE_LABEL = 40;

export function workCenterSubject(workCenter: TWorkCenterRef): TInsightDraft["subject"] {
  return { kind: "WORK_CENTER", id: workCenter.id, workCenterId: workCenter.id, lineId: workCenter.lineId };
}

/** Quarter-hour bucket of an instant, in ms: keys built from it survive re-runs that move a point by seconds. */
export function quarterHourKey(time: number): number {
  return Math.floor(time / 900_000) * 900_000;
}

/** Every n-th point so a long window still fits the chart; the marked points are always kept. */
export function thinPoints<T extends { t: number }>(
  points: readonly T[],
  keep: ReadonlySet<number>,
  max = MAX_CHART_POINTS,
): T[] {
  if (points.length <= max) return [...points];
  const step = Math.ceil(points.length / Math.max(1, max - keep.size));
  return points.filter((point, index) => index % step === 0 || keep.has(point.t)).slice(0, max);
}

export function limitMarked(times: readonly number[]): number[] {
  return [...new Set(times)].sort((a, b) => a - b).slice(0, MAX_MARKED);
}

export function lineLabel(text: string): string {
  return text.length <= MAX_LINE_LABEL ? text : `${text.slice(0, MAX_LINE_LABEL - 1)}…`;
}

export function clamp01(value: number, floor = 0.05, ceiling = 0.98): number {
  if (!Number.isFinite(value)) return floor;
  return Math.min(ceiling, Math.max(floor, value));
}

/** "Cycle time on CNC-101 (Flange Ø63)": where the finding is, in the words of the plant. */
export function signalPlace(signal: TSignalRef, workCenter: TWorkCenterRef, product: TProductRef | null): string {
  return `${signal.label} on ${workCenter.code}${product ? ` (${product.name})` : ""}`;
}
