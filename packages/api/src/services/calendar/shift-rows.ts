import type { Tx } from "@gemba/db/tenant-scope";
import { describeShiftTimes, describeWeekdays } from "@gemba/domain/calendar/calendar-text";
import type { TShiftDefinition } from "@gemba/domain/calendar/expand-shifts";
import type { TShiftInput } from "./calendar-inputs";

export type TStoredShift = TShiftDefinition & { id: string };

/** A pattern's shifts with their breaks, as the calendar code reads them. */
export async function loadPatternShifts(tx: Tx, patternId: string): Promise<TStoredShift[]> {
  const rows = await tx.shift.findMany({
    where: { patternId },
    orderBy: [{ startMinute: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      weekdays: true,
      startMinute: true,
      durationMinutes: true,
      breaks: {
        orderBy: { startOffsetMinutes: "asc" },
        select: { name: true, startOffsetMinutes: true, durationMinutes: true },
      },
    },
  });
  return rows;
}

/** Trimmed names, each weekday once and in order, breaks in time order: how a shift is stored. */
export function normalizeShift(shift: TShiftInput): TShiftDefinition {
  return {
    name: shift.name.trim(),
    weekdays: [...new Set(shift.weekdays)].sort((a, b) => a - b),
    startMinute: shift.startMinute,
    durationMinutes: shift.durationMinutes,
    breaks: shift.breaks
      .map((entry) => ({ ...entry, name: entry.name.trim() }))
      .sort((a, b) => a.startOffsetMinutes - b.startOffsetMinutes),
  };
}

/** "Night (Sun–Thu 22:00–06:00 (next day))" for audit summaries. */
export function describeShift(shift: TShiftDefinition): string {
  return `"${shift.name}" (${describeWeekdays(shift.weekdays)} ${describeShiftTimes(shift)})`;
}

/** What an audit entry keeps of a shift: everything but ids. */
export function shiftSnapshot(shift: TShiftDefinition) {
  return {
    name: shift.name,
    weekdays: shift.weekdays,
    startMinute: shift.startMinute,
    durationMinutes: shift.durationMinutes,
    breaks: shift.breaks.map(({ name, startOffsetMinutes, durationMinutes }) => ({
      name,
      startOffsetMinutes,
      durationMinutes,
    })),
  };
}
