import { MINUTES_PER_DAY } from "@gemba/domain/calendar/calendar-text";

type TShiftLike = {
  id: string;
  name: string;
  weekdays: readonly number[];
  startMinute: number;
  durationMinutes: number;
  breaks: ReadonlyArray<{ id: string; name: string; startOffsetMinutes: number; durationMinutes: number }>;
};

export type TWeekBreak = { key: string; name: string; startMinute: number; endMinute: number };

/** One day's piece of a shift in the weekly grid; a night shift gives two pieces, one each side of midnight. */
export type TWeekBlock = {
  key: string;
  shiftId: string;
  shiftName: string;
  /** Position of the shift in the pattern: picks its color, the same on every day. */
  shiftIndex: number;
  /** The ISO weekday the shift started on (the piece may lie on the next day). */
  startedOn: number;
  startMinute: number;
  endMinute: number;
  continuesFromPreviousDay: boolean;
  continuesNextDay: boolean;
  breaks: TWeekBreak[];
};

const nextWeekday = (day: number) => (day === 7 ? 1 : day + 1);

/**
 * Lays a weekly pattern out as seven columns (index 0 = Monday) of blocks in minutes after local
 * midnight. A shift running past midnight continues at the top of the next day; Sunday night
 * continues on Monday, because the pattern repeats every week.
 */
export function layoutWeek(shifts: readonly TShiftLike[]): TWeekBlock[][] {
  const days: TWeekBlock[][] = [[], [], [], [], [], [], []];
  shifts.forEach((shift, shiftIndex) => {
    const start = shift.startMinute;
    const end = start + shift.durationMinutes;
    const breaks = shift.breaks.map((entry) => ({
      key: entry.id,
      name: entry.name,
      startMinute: start + entry.startOffsetMinutes,
      endMinute: start + entry.startOffsetMinutes + entry.durationMinutes,
    }));
    for (const weekday of shift.weekdays) {
      const pieces = [{ day: weekday, from: start, to: Math.min(end, MINUTES_PER_DAY), offset: 0 }];
      if (end > MINUTES_PER_DAY) {
        pieces.push({ day: nextWeekday(weekday), from: MINUTES_PER_DAY, to: end, offset: MINUTES_PER_DAY });
      }
      for (const piece of pieces) {
        days[piece.day - 1]?.push({
          key: `${shift.id}-${weekday}-${piece.offset}`,
          shiftId: shift.id,
          shiftName: shift.name,
          shiftIndex,
          startedOn: weekday,
          startMinute: piece.from - piece.offset,
          endMinute: piece.to - piece.offset,
          continuesFromPreviousDay: piece.offset > 0,
          continuesNextDay: piece.offset === 0 && end > MINUTES_PER_DAY,
          breaks: breaks
            .map((entry) => ({
              ...entry,
              startMinute: Math.max(entry.startMinute, piece.from) - piece.offset,
              endMinute: Math.min(entry.endMinute, piece.to) - piece.offset,
            }))
            .filter((entry) => entry.endMinute > entry.startMinute),
        });
      }
    }
  });
  for (const day of days) day.sort((a, b) => a.startMinute - b.startMinute);
  return days;
}

/** Paid time and planned production time (without breaks) of a pattern per week, in minutes. */
export function weeklyMinutes(shifts: readonly TShiftLike[]): { shift: number; breaks: number; planned: number } {
  let shift = 0;
  let breaks = 0;
  for (const entry of shifts) {
    const days = new Set(entry.weekdays).size;
    shift += entry.durationMinutes * days;
    breaks += entry.breaks.reduce((sum, item) => sum + item.durationMinutes, 0) * days;
  }
  return { shift, breaks, planned: shift - breaks };
}
