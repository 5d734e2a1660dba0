import type { ShiftInstance } from "./expand-shifts";
import { MS_PER_MINUTE } from "./zoned-time";

/** A stretch of planned working time (inside a shift, outside its breaks), end exclusive. */
export type WorkingSpan = { start: Date; end: Date };

/** The working spans of shift instances: each shift minus its breaks, sorted and merged. */
export function listWorkingSpans(instances: readonly ShiftInstance[]): WorkingSpan[] {
  const spans: Array<{ start: number; end: number }> = [];
  for (const instance of instances) {
    let cursor = instance.start.getTime();
    for (const shiftBreak of instance.breaks) {
      if (shiftBreak.start.getTime() > cursor) spans.push({ start: cursor, end: shiftBreak.start.getTime() });
      cursor = Math.max(cursor, shiftBreak.end.getTime());
    }
    if (instance.end.getTime() > cursor) spans.push({ start: cursor, end: instance.end.getTime() });
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.map((span) => ({ start: new Date(span.start), end: new Date(span.end) }));
}

/** Planned working minutes between two instants. */
export function countWorkingMinutes(instances: readonly ShiftInstance[], from: Date, to: Date): number {
  let total = 0;
  for (const span of listWorkingSpans(instances)) {
    const start = Math.max(span.start.getTime(), from.getTime());
    const end = Math.min(span.end.getTime(), to.getTime());
    if (end > start) total += end - start;
  }
  return total / MS_PER_MINUTE;
}

/**
 * The instant at which `minutes` of planned working time after `from` have passed, or null when
 * the given shift instances run out first (expand a longer range).
 */
export function addWorkingMinutes(instances: readonly ShiftInstance[], from: Date, minutes: number): Date | null {
  let remaining = minutes * MS_PER_MINUTE;
  for (const span of listWorkingSpans(instances)) {
    const start = Math.max(span.start.getTime(), from.getTime());
    const end = span.end.getTime();
    if (end <= start) continue;
    if (end - start >= remaining) return new Date(start + remaining);
    remaining -= end - start;
  }
  return remaining <= 0 ? from : null;
}
