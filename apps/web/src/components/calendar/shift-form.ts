import { formatClock, MINUTES_PER_DAY, parseClock } from "@gemba/domain/calendar/calendar-text";
import type { TShiftDefinition } from "@gemba/domain/calendar/expand-shifts";
import type { TCalendarIssue } from "@gemba/domain/calendar/shift-rules";

/**
 * The shift form works in wall-clock times as people write them ("22:00" to "06:00"); the API
 * takes a start minute and a duration, breaks as offsets from the shift's start. An end at or
 * before the start means the next day: that is how night shifts are written on every rota.
 */

export type TBreakDraft = { key: string; name: string; start: string; end: string };
export type TShiftDraft = { name: string; weekdays: number[]; start: string; end: string; breaks: TBreakDraft[] };

type TShiftLike = Pick<TShiftDefinition, "name" | "weekdays" | "startMinute" | "durationMinutes"> & {
  breaks: ReadonlyArray<{ name: string; startOffsetMinutes: number; durationMinutes: number }>;
};

let keySeed = 0;
export const newBreakKey = () => {
  keySeed += 1;
  return `break-${keySeed}`;
};

/** The form's values for a stored shift. */
export function draftOfShift(shift: TShiftLike): TShiftDraft {
  return {
    name: shift.name,
    weekdays: [...shift.weekdays],
    start: formatClock(shift.startMinute),
    end: formatClock(shift.startMinute + shift.durationMinutes),
    breaks: shift.breaks.map((entry) => ({
      key: newBreakKey(),
      name: entry.name,
      start: formatClock(shift.startMinute + entry.startOffsetMinutes),
      end: formatClock(shift.startMinute + entry.startOffsetMinutes + entry.durationMinutes),
    })),
  };
}

/**
 * A new shift picks up where the pattern's latest-ending shift stops, on the same days, eight
 * hours long: adding "Late" after "Early" is then just a name. An empty pattern starts at 06:00.
 */
export function suggestNewShift(shifts: readonly TShiftLike[]): TShiftDraft {
  const last = [...shifts].sort((a, b) => a.startMinute + a.durationMinutes - (b.startMinute + b.durationMinutes))[
    shifts.length - 1
  ];
  const start = last ? (last.startMinute + last.durationMinutes) % MINUTES_PER_DAY : 6 * 60;
  return {
    name: "",
    weekdays: last ? [...last.weekdays] : [1, 2, 3, 4, 5],
    start: formatClock(start),
    end: formatClock(start + 480),
    breaks: [],
  };
}

/** Minutes from `from` forward to `to` on the clock, 1..1440 (equal times are a full day). */
function clockDistance(from: number, to: number): number {
  return (to - from + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY;
}

/** The shift the form describes, or the fields whose time could not be read. */
export function shiftFromDraft(draft: TShiftDraft): { shift: TShiftDefinition | null; errors: TCalendarIssue[] } {
  const errors: TCalendarIssue[] = [];
  const start = parseClock(draft.start);
  const end = parseClock(draft.end);
  if (start === null) errors.push({ field: "start", message: "Enter the start time, e.g. 06:00." });
  if (end === null) errors.push({ field: "end", message: "Enter the end time, e.g. 14:00." });
  const shiftMinutes = start !== null && end !== null ? clockDistance(start, end) : 0;
  const breaks = draft.breaks.map((entry, index) => {
    const breakStart = parseClock(entry.start);
    const breakEnd = parseClock(entry.end);
    if (breakStart === null) errors.push({ field: `breaks.${index}.start`, message: "Enter when the break starts." });
    if (breakEnd === null) errors.push({ field: `breaks.${index}.end`, message: "Enter when the break ends." });
    if (start === null || breakStart === null || breakEnd === null) return null;
    // Counted forward from the shift's start, so a break after midnight in a night shift works.
    const offset = (breakStart - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    const forward = breakEnd === breakStart ? 0 : clockDistance(breakStart, breakEnd);
    // Past midnight only inside the shift; otherwise an earlier end is a mistake to point out.
    const duration = offset + forward <= shiftMinutes || breakEnd >= breakStart ? forward : breakEnd - breakStart;
    return { name: entry.name, startOffsetMinutes: offset, durationMinutes: duration };
  });
  if (start === null || end === null || errors.length > 0) return { shift: null, errors };
  return {
    shift: {
      name: draft.name.trim(),
      weekdays: [...new Set(draft.weekdays)].sort((a, b) => a - b),
      startMinute: start,
      durationMinutes: shiftMinutes,
      breaks: breaks.filter((entry) => entry !== null),
    },
    errors,
  };
}

/** A new break: 30 minutes in the middle of the shift, on a quarter hour; the first one is called "Lunch". */
export function suggestBreak(draft: TShiftDraft): TBreakDraft {
  const start = parseClock(draft.start) ?? 6 * 60;
  const end = parseClock(draft.end) ?? start + 480;
  const middle = start + Math.floor(clockDistance(start, end) / 2 / 15) * 15;
  return {
    key: newBreakKey(),
    name: draft.breaks.length === 0 ? "Lunch" : "",
    start: formatClock(middle),
    end: formatClock(middle + 30),
  };
}
