import type { ShiftInstance } from "../calendar/expand-shifts";

/** WORK: planned production; BREAK: a break inside a shift; OFF: no shift (nights, weekends, holidays). */
export type CalendarBlockKind = "WORK" | "BREAK" | "OFF";

/** Milliseconds since the epoch, end exclusive. */
export type CalendarBlock = { kind: CalendarBlockKind; start: number; end: number };

/**
 * Cuts [from, to) into consecutive blocks without gaps or overlaps. Back-to-back shifts merge
 * into one WORK block, so a machine keeps running through a shift change.
 */
export function buildCalendarBlocks(instances: readonly ShiftInstance[], from: number, to: number): CalendarBlock[] {
  const pieces: CalendarBlock[] = [];
  for (const instance of instances) {
    let cursor = instance.start.getTime();
    for (const shiftBreak of instance.breaks) {
      pieces.push({ kind: "WORK", start: cursor, end: shiftBreak.start.getTime() });
      pieces.push({ kind: "BREAK", start: shiftBreak.start.getTime(), end: shiftBreak.end.getTime() });
      cursor = Math.max(cursor, shiftBreak.end.getTime());
    }
    pieces.push({ kind: "WORK", start: cursor, end: instance.end.getTime() });
  }
  pieces.sort((a, b) => a.start - b.start);

  const blocks: CalendarBlock[] = [];
  const push = (kind: CalendarBlockKind, start: number, end: number) => {
    if (end <= start) return;
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind && last.end === start) last.end = end;
    else blocks.push({ kind, start, end });
  };
  let cursor = from;
  for (const piece of pieces) {
    const start = Math.max(piece.start, cursor);
    const end = Math.min(piece.end, to);
    if (end <= start) continue;
    push("OFF", cursor, start);
    push(piece.kind, start, end);
    cursor = end;
  }
  push("OFF", cursor, to);
  return blocks;
}
