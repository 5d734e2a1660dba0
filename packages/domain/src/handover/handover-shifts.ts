import type { TCalendarSegment } from "../execution/calendar-timeline";
import type { THandoverShift } from "./build-handover-summary";

/** How long after its end a shift without a handover still gets one drafted automatically. */
export const DRAFT_DUE_WINDOW_MS = 2 * 3_600_000;

/**
 * The shift instances of a calendar timeline, one per shift key, earliest first. A shift that a
 * break or planned maintenance cuts into several segments is one instance; its start and end are
 * the instance's own (not clipped to the timeline's range).
 */
export function shiftsOfTimeline(segments: readonly TCalendarSegment[]): THandoverShift[] {
  const shifts = new Map<string, THandoverShift>();
  for (const { shift } of segments) {
    if (!shift) continue;
    const known = shifts.get(shift.key);
    if (!known) shifts.set(shift.key, { key: shift.key, name: shift.name, start: shift.start, end: shift.end });
    else {
      known.start = Math.min(known.start, shift.start);
      known.end = Math.max(known.end, shift.end);
    }
  }
  return [...shifts.values()].sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
}

/** Shifts that ended in (now − window, now]: the ones the worker drafts a handover for. */
export function shiftsEndedWithin(
  shifts: readonly THandoverShift[],
  now: number,
  windowMs = DRAFT_DUE_WINDOW_MS,
): THandoverShift[] {
  return shifts.filter((shift) => shift.end <= now && shift.end > now - windowMs);
}

/**
 * The shift "Draft now" means. Right after a shift change it is the shift that just ended, until
 * its handover is signed (within the two hours the worker drafts in): that is the one the
 * outgoing lead is finishing. Otherwise the running shift (the lead starts the notes before the
 * end; with overlapping shifts, the one that started first, as it ends first), else the last one
 * that ended. Null when the calendar has no shift in the range looked at.
 */
export function shiftToDraftNow(
  shifts: readonly THandoverShift[],
  now: number,
  signed: (shift: THandoverShift) => boolean = () => false,
): THandoverShift | null {
  const ended = shifts.filter((shift) => shift.end <= now);
  const last = ended.reduce<THandoverShift | null>(
    (latest, shift) => (!latest || shift.end > latest.end ? shift : latest),
    null,
  );
  if (last && now - last.end < DRAFT_DUE_WINDOW_MS && !signed(last)) return last;
  const running = shifts.filter((shift) => shift.start <= now && now < shift.end);
  if (running.length > 0) return running.reduce((first, shift) => (shift.start < first.start ? shift : first));
  return last;
}

/**
 * Whether an existing DRAFT should be drafted again by the worker: it was drafted before the
 * shift ended ("Draft now" during the shift), so its figures miss the end of the shift.
 */
export function draftMissesShiftEnd(draftedAt: number, shiftEnd: number): boolean {
  return draftedAt < shiftEnd;
}
