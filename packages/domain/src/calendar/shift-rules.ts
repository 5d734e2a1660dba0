import { findMisalignedBoundaries } from "../execution/buckets";
import { buildCalendarTimeline } from "../execution/calendar-timeline";
import {
  describeShiftTimes,
  describeWeekdays,
  formatClock,
  formatMinutes,
  MINUTES_PER_DAY,
  weekdayShortName,
} from "./calendar-text";
import { expandShifts, type TShiftDefinition } from "./expand-shifts";
import { MS_PER_DAY, MS_PER_MINUTE, utcToZoned } from "./zoned-time";

/**
 * What makes a shift pattern acceptable, with messages an admin can act on. Pure: the admin
 * screen runs it while typing and the API runs it again before saving.
 *
 * Refused (errors): a shift without name or days; one outside 15 min…24 h; shift starts and ends
 * off the quarter hour (OEE is rolled up in 15-minute buckets, and a shift change inside a bucket
 * would count minutes to the wrong shift — see findMisalignedBoundaries); shifts of one pattern
 * overlapping (the calendar would have to guess which crew owns the time); breaks outside their
 * shift, overlapping each other, or filling it completely.
 * Allowed with a warning: breaks off the quarter hour. A break does not change the shift, so
 * rollups stay exact; only the 15-minute charts show that quarter hour as partly break.
 */

/** `field` names the form field: name, weekdays, start, end, times (the shift's span), breaks.<i>.<name|start|end>. */
export type TCalendarIssue = { field: string; message: string };
export type TCalendarCheck = { errors: TCalendarIssue[]; warnings: TCalendarIssue[] };

export const QUARTER_HOUR_MINUTES = 15;
export const MIN_SHIFT_MINUTES = 15;
export const MAX_NAME_LENGTH = 60;
export const MAX_BREAKS_PER_SHIFT = 12;

type TShiftTimes = Pick<TShiftDefinition, "name" | "weekdays" | "startMinute" | "durationMinutes">;

const onQuarter = (minute: number) => minute % QUARTER_HOUR_MINUTES === 0;

function nearestQuarters(minute: number): string {
  const before = Math.floor(minute / QUARTER_HOUR_MINUTES) * QUARTER_HOUR_MINUTES;
  return `${formatClock(before)} or ${formatClock(before + QUARTER_HOUR_MINUTES)}`;
}

/** Checks one shift of a pattern against itself and the pattern's other shifts. */
export function checkShift(shift: TShiftDefinition, otherShifts: readonly TShiftDefinition[]): TCalendarCheck {
  const errors: TCalendarIssue[] = [];
  const warnings: TCalendarIssue[] = [];
  const name = shift.name.trim();
  if (name.length === 0) errors.push({ field: "name", message: 'Name the shift, e.g. "Early" or "Night".' });
  else if (name.length > MAX_NAME_LENGTH) {
    errors.push({ field: "name", message: `Keep the name to ${MAX_NAME_LENGTH} characters or fewer.` });
  } else if (otherShifts.some((other) => other.name.trim().toLowerCase() === name.toLowerCase())) {
    errors.push({ field: "name", message: `This pattern already has a shift called "${name}". Pick another name.` });
  }
  if (shift.weekdays.length === 0) {
    errors.push({ field: "weekdays", message: "Pick at least one day the shift starts on." });
  } else if (shift.weekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
    errors.push({ field: "weekdays", message: "Days must be Monday to Sunday." });
  }

  // Off-quarter times are refused but still checked further, so the form shows every problem at once.
  if (checkShiftTimes(shift, errors)) {
    checkBreaks(shift, errors, warnings);
    for (const overlap of describeOverlaps(shift, otherShifts)) errors.push({ field: "times", message: overlap });
  }
  return { errors, warnings };
}

/** False when start or length are out of range, so nothing further can be said about the shift. */
function checkShiftTimes(shift: TShiftTimes, errors: TCalendarIssue[]): boolean {
  const { startMinute, durationMinutes } = shift;
  if (!Number.isInteger(startMinute) || startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
    errors.push({ field: "start", message: "Enter a start time between 00:00 and 23:59." });
    return false;
  }
  if (!Number.isInteger(durationMinutes) || durationMinutes < MIN_SHIFT_MINUTES || durationMinutes > MINUTES_PER_DAY) {
    errors.push({
      field: "end",
      message:
        durationMinutes <= 0
          ? "The shift ends when it starts. Enter a later end time."
          : "A shift lasts between 15 minutes and 24 hours.",
    });
    return false;
  }
  if (!onQuarter(startMinute)) {
    errors.push({
      field: "start",
      message: `Starts at ${formatClock(startMinute)}, not on a quarter hour. OEE is rolled up in 15-minute blocks, so shifts start and end at :00, :15, :30 or :45 — try ${nearestQuarters(startMinute)}.`,
    });
  }
  const end = startMinute + durationMinutes;
  if (!onQuarter(end)) {
    errors.push({
      field: "end",
      message: `Ends at ${formatClock(end)}, not on a quarter hour. OEE is rolled up in 15-minute blocks, so shifts start and end at :00, :15, :30 or :45 — try ${nearestQuarters(end % MINUTES_PER_DAY)}.`,
    });
  }
  return true;
}

function checkBreaks(shift: TShiftDefinition, errors: TCalendarIssue[], warnings: TCalendarIssue[]) {
  if (shift.breaks.length > MAX_BREAKS_PER_SHIFT) {
    errors.push({ field: "breaks", message: `A shift can have at most ${MAX_BREAKS_PER_SHIFT} breaks.` });
    return;
  }
  const shiftTimes = describeShiftTimes(shift);
  const placed: Array<{ index: number; name: string; start: number; end: number }> = [];
  shift.breaks.forEach((entry, index) => {
    const field = `breaks.${index}`;
    const label = entry.name.trim() || `Break ${index + 1}`;
    if (entry.name.trim().length === 0) {
      errors.push({ field: `${field}.name`, message: 'Name the break, e.g. "Lunch".' });
    } else if (entry.name.trim().length > MAX_NAME_LENGTH) {
      errors.push({ field: `${field}.name`, message: `Keep the name to ${MAX_NAME_LENGTH} characters or fewer.` });
    }
    const start = shift.startMinute + entry.startOffsetMinutes;
    const end = start + entry.durationMinutes;
    if (entry.durationMinutes <= 0) {
      errors.push({ field: `${field}.end`, message: `${label} ends before it starts. Enter an end after the start.` });
      return;
    }
    if (entry.startOffsetMinutes < 0 || entry.startOffsetMinutes + entry.durationMinutes > shift.durationMinutes) {
      errors.push({
        field: `${field}.start`,
        message: `${label} (${formatClock(start)}–${formatClock(end)}) is outside the shift (${shiftTimes}). Breaks must lie within their shift.`,
      });
      return;
    }
    if (!onQuarter(start) || !onQuarter(end)) {
      warnings.push({
        field: `${field}.start`,
        message: `${label} (${formatClock(start)}–${formatClock(end)}) is not on quarter hours. That is fine for OEE, but 15-minute charts show that quarter hour as partly break.`,
      });
    }
    placed.push({ index, name: label, start, end });
  });
  placed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < placed.length; i += 1) {
    const earlier = placed[i - 1];
    const later = placed[i];
    if (earlier && later && later.start < earlier.end) {
      errors.push({
        field: `breaks.${later.index}.start`,
        message: `${later.name} (${formatClock(later.start)}) starts before ${earlier.name} ends (${formatClock(earlier.end)}). Breaks can't overlap.`,
      });
    }
  }
  const breakMinutes = placed.reduce((sum, entry) => sum + (entry.end - entry.start), 0);
  if (placed.length > 0 && breakMinutes >= shift.durationMinutes) {
    errors.push({ field: "breaks", message: "The breaks fill the whole shift. Leave some working time." });
  }
}

// ─── overlaps, on a reference week of wall-clock time ───

/** A Monday; UTC has no daylight saving, so this week is pure wall-clock time. */
const REFERENCE_MONDAY_MS = Date.UTC(2024, 0, 8);
const WEEK_MS = 7 * MS_PER_DAY;

type TOverlap = { with: number; weekday: number; startMinute: number; minutes: number };

function weekInstances(shift: TShiftTimes) {
  // Two weeks: an overlap starting late on Sunday of week one is found whole, and every weekly
  // overlap is counted once, in the week it starts.
  return expandShifts({
    shifts: [{ ...shift, breaks: [] }],
    timeZone: "UTC",
    from: new Date(REFERENCE_MONDAY_MS),
    to: new Date(REFERENCE_MONDAY_MS + 2 * WEEK_MS),
  });
}

/** Where `shift` overlaps each of `others` in a week, by index into `others`. */
function findOverlaps(shift: TShiftTimes, others: readonly TShiftTimes[]): TOverlap[] {
  const mine = weekInstances(shift);
  const overlaps: TOverlap[] = [];
  others.forEach((other, index) => {
    for (const a of mine) {
      for (const b of weekInstances(other)) {
        const start = Math.max(a.start.getTime(), b.start.getTime());
        const end = Math.min(a.end.getTime(), b.end.getTime());
        if (end <= start || start < REFERENCE_MONDAY_MS || start >= REFERENCE_MONDAY_MS + WEEK_MS) continue;
        const zoned = utcToZoned(start, "UTC");
        overlaps.push({
          with: index,
          weekday: zoned.isoWeekday,
          startMinute: zoned.minuteOfDay,
          minutes: (end - start) / MS_PER_MINUTE,
        });
      }
    }
  });
  return overlaps;
}

/** "Mon–Fri, 13:00–14:00" per distinct overlap time, days grouped. */
function groupOverlaps(overlaps: readonly TOverlap[]): Map<number, string[]> {
  const byOther = new Map<number, Map<string, number[]>>();
  for (const overlap of overlaps) {
    const times = `${formatClock(overlap.startMinute)}–${formatClock(overlap.startMinute + overlap.minutes)}`;
    const groups = byOther.get(overlap.with) ?? new Map<string, number[]>();
    groups.set(times, [...(groups.get(times) ?? []), overlap.weekday]);
    byOther.set(overlap.with, groups);
  }
  const described = new Map<number, string[]>();
  for (const [other, groups] of byOther) {
    described.set(
      other,
      [...groups].map(([times, days]) => `${describeWeekdays(days)}, ${times}`),
    );
  }
  return described;
}

function describeOverlaps(shift: TShiftTimes, others: readonly TShiftTimes[]): string[] {
  return [...groupOverlaps(findOverlaps(shift, others))].map(([index, when]) => {
    const other = others[index];
    return `Overlaps "${other?.name ?? "another shift"}" (${other ? describeShiftTimes(other) : ""}) on ${when.join("; ")}. Shifts of one pattern can't overlap: let one end when the next begins.`;
  });
}

/**
 * Problems in a stored pattern (data synced from elsewhere, or saved before a rule existed), as
 * warnings to show next to it: overlapping shifts, and shift changes the 15-minute rollups
 * cannot represent in the site's time zone over the week from `from`.
 */
export function checkPattern(shifts: readonly TShiftDefinition[], timeZone: string, from: number): TCalendarIssue[] {
  const warnings: TCalendarIssue[] = [];
  shifts.forEach((shift, index) => {
    const later = shifts.slice(index + 1);
    for (const [otherIndex, when] of groupOverlaps(findOverlaps(shift, later))) {
      const other = later[otherIndex];
      warnings.push({
        field: "times",
        message: `"${shift.name}" and "${other?.name ?? "another shift"}" overlap on ${when.join("; ")}. Edit one so it ends when the other begins.`,
      });
    }
  });
  const to = from + WEEK_MS;
  const instances = expandShifts({ shifts, timeZone, from: new Date(from), to: new Date(to) });
  const calendar = buildCalendarTimeline({ from, to, shifts: instances });
  const seen = new Set<string>();
  for (const problem of findMisalignedBoundaries({ calendar, timeZone, from, to })) {
    const local = utcToZoned(problem.time, timeZone);
    const when = `${weekdayShortName(local.isoWeekday)} ${formatClock(local.minuteOfDay)}`;
    if (seen.has(when)) continue;
    seen.add(when);
    warnings.push({
      field: "times",
      message:
        problem.kind === "SHIFT"
          ? `The shift change on ${when} is not on a quarter hour, so up to ${formatMinutes(QUARTER_HOUR_MINUTES - 1)} count toward the wrong shift. Move it to :00, :15, :30 or :45.`
          : `Local midnight in ${timeZone} is not on a quarter hour; daily OEE totals are approximate here.`,
    });
  }
  return warnings;
}
