/** Builders shared by this folder's tests (not used by product code). */
import { expandShifts, type TShiftDefinition } from "../calendar/expand-shifts";
import { MS_PER_MINUTE } from "../calendar/zoned-time";
import { buildCalendarTimeline, type TCalendarSegment, type TNoShiftPeriod } from "./calendar-timeline";
import { type DeriveStateIntervalsInput, deriveStateIntervals } from "./derive-state-intervals";
import type { TStateSignal } from "./machine-episodes";
import { computeOeeComponents, type TCountEvent, type TOeeComponents } from "./oee";
import type { TStateInterval } from "./state-interval";

export const MIN = MS_PER_MINUTE;
export const HOUR = 60 * MIN;

/** Monday 2026-11-16, a plain weekday, UTC; tests that need no time zone use this day. */
export const DAY = "2026-11-16";

/** "14:30" on DAY (or another date) in UTC, as epoch ms. */
export function at(time: string, date = DAY): number {
  return Date.parse(`${date}T${time}:00Z`);
}

export const EARLY: TShiftDefinition = {
  name: "Early",
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 6 * 60,
  durationMinutes: 8 * 60,
  breaks: [{ name: "Lunch", startOffsetMinutes: 4 * 60, durationMinutes: 30 }],
};
export const LATE: TShiftDefinition = { ...EARLY, name: "Late", startMinute: 14 * 60 };

/** A calendar for [from, to) from shift definitions in a zone (UTC by default). */
export function calendarFor(input: {
  shifts: readonly TShiftDefinition[] | null;
  from: number;
  to: number;
  timeZone?: string;
  noShiftPeriods?: readonly TNoShiftPeriod[];
}): TCalendarSegment[] {
  const instances =
    input.shifts === null
      ? null
      : expandShifts({
          shifts: input.shifts,
          timeZone: input.timeZone ?? "UTC",
          from: new Date(input.from),
          to: new Date(input.to),
        });
  return buildCalendarTimeline({
    from: input.from,
    to: input.to,
    shifts: instances,
    noShiftPeriods: input.noShiftPeriods ?? [],
  });
}

export const signal = (time: number, state: TStateSignal["state"], reasonCode?: string): TStateSignal =>
  reasonCode === undefined ? { time, state } : { time, state, reasonCode };

/** Heartbeats every `everyMs` in [from, to): a chatty, healthy connector. */
export function heartbeatsBetween(from: number, to: number, everyMs = MIN): number[] {
  const times: number[] = [];
  for (let time = from; time < to; time += everyMs) times.push(time);
  return times;
}

/** deriveStateIntervals over one day of the Early shift, heartbeats every minute, unless overridden. */
export function deriveDay(
  overrides: Partial<DeriveStateIntervalsInput> & { signals: TStateSignal[] },
): TStateInterval[] {
  const from = overrides.from ?? at("06:00");
  const to = overrides.to ?? at("14:00");
  return deriveStateIntervals({
    from,
    to,
    now: to,
    heartbeats: heartbeatsBetween(from - 10 * MIN, to),
    calendar: calendarFor({ shifts: [EARLY], from, to }),
    ...overrides,
  });
}

/** Intervals as compact rows, for readable expectations: [start, end, state, reason]. */
export function rows(intervals: readonly TStateInterval[]): Array<[string, string, string, string | null]> {
  const hhmm = (time: number) => new Date(time).toISOString().slice(11, 16);
  return intervals.map((i) => [hhmm(i.start), hhmm(i.end), i.state, i.reasonCode]);
}

/** 06:00–14:30 with a 30-minute lunch at 10:00: 480 minutes of planned production time. */
export const GOLDEN_SHIFT: TShiftDefinition = {
  name: "Day",
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 6 * 60,
  durationMinutes: 510,
  breaks: [{ name: "Lunch", startOffsetMinutes: 240, durationMinutes: 30 }],
};
export const GOLDEN_FROM = at("06:00");
export const GOLDEN_TO = at("14:30");
export const goldenSignals = [
  signal(at("05:00"), "RUNNING"),
  signal(at("08:00"), "DOWN", "FAIL_MECH"),
  signal(at("09:00"), "RUNNING"),
  signal(at("10:00"), "PLANNED_STOP", "BREAK"),
  signal(at("10:30"), "RUNNING"),
];
/** 20 count events of 20 units (19 good), all while running: 400 total, 380 good. */
export const goldenCounts: TCountEvent[] = [
  ...["06:20", "06:40", "07:00", "07:20", "07:40", "08:00", "09:20", "09:40", "10:00", "10:50"],
  ...["11:10", "11:30", "11:50", "12:10", "12:30", "12:50", "13:10", "13:30", "13:50", "14:10"],
].map((time) => ({ time: at(time), total: 20, good: 19 }));
export const goldenScrap = goldenCounts.map((count) => ({ time: count.time, quantity: 1, reasonCode: "DIMENSION" }));

/** The golden day's components: PPT 480, run 420, ideal 400, total 400, good 380 (minutes / units). */
export function goldenComponents(): TOeeComponents {
  const intervals = deriveStateIntervals({
    from: GOLDEN_FROM,
    to: GOLDEN_TO,
    now: GOLDEN_TO,
    signals: goldenSignals,
    heartbeats: heartbeatsBetween(at("05:00"), GOLDEN_TO),
    calendar: calendarFor({ shifts: [GOLDEN_SHIFT], from: GOLDEN_FROM, to: GOLDEN_TO }),
  });
  return computeOeeComponents({ intervals, counts: goldenCounts, scrap: goldenScrap, idealCycleAt: () => 60 });
}
