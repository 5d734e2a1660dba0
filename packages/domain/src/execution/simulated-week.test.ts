import { describe, expect, it } from "vitest";
import { expandShifts, type TShiftDefinition } from "../calendar/expand-shifts";
import { simulateWorkCenter } from "../simulation/simulate-work-center";
import type { TWorkCenterProfile } from "../simulation/work-center-profile";
import { bucketize } from "./buckets";
import { buildCalendarTimeline } from "./calendar-timeline";
import { deriveStateIntervals } from "./derive-state-intervals";
import type { TStateSignal } from "./machine-episodes";
import { computeOeeComponents, oeeRatios, sumOeeComponents } from "./oee";
import { sixBigLossesWaterfall } from "./six-big-losses-waterfall";

// The simulator's event stream, end to end through the execution logic: a check that the rules
// fit what connectors really send (a count flushed as a break begins, IDLE "NO_SHIFT" at night, …).
const breaks = [
  { name: "Break", startOffsetMinutes: 150, durationMinutes: 15 },
  { name: "Lunch", startOffsetMinutes: 300, durationMinutes: 30 },
];
const shifts: TShiftDefinition[] = [
  { name: "Early", weekdays: [1, 2, 3, 4, 5], startMinute: 360, durationMinutes: 480, breaks },
  { name: "Late", weekdays: [1, 2, 3, 4, 5], startMinute: 840, durationMinutes: 480, breaks },
];
const timeZone = "America/Chicago";
const from = Date.parse("2026-11-16T06:00:00Z"); // Monday 00:00 in Chicago
const to = Date.parse("2026-11-23T06:00:00Z");
const instances = expandShifts({ shifts, timeZone, from: new Date(from), to: new Date(to) });
const profile: TWorkCenterProfile = {
  meanTimeBetweenFailuresMinutes: 240,
  meanTimeToRepairMinutes: 20,
  failureReasons: [{ code: "FAIL_MECH", weight: 1 }],
  microStopsPerHour: 3,
  flowStopsPerHour: 1,
  meanFlowStopMinutes: 4,
  speedFactor: 0.9,
  scrapRate: 0.02,
  startupRejectRate: 0.1,
  startupWindowMinutes: 10,
  changeoverMinutes: 30,
  telemetry: [{ tag: "spindle_load", unit: "%", baseline: 55, noise: 3, wearDrift: 0.1 }],
};
const IDEAL_CYCLE_SECONDS = 30;
const { events } = simulateWorkCenter({
  seed: 11,
  workCenter: { id: "6f1c2f9e-8a0b-4c7d-9e2f-1a2b3c4d5e6f", code: "CNC-7" },
  profile,
  shifts: instances,
  orders: Array.from({ length: 30 }, (_, index) => ({
    externalId: `SO-${index}`,
    idealCycleTimeSeconds: IDEAL_CYCLE_SECONDS,
    quantity: 400,
  })),
  from: new Date(from),
  to: new Date(to),
});

const signals: TStateSignal[] = [];
const counts: Array<{ time: number; total: number; good: number }> = [];
const scrap: Array<{ time: number; quantity: number; reasonCode: string }> = [];
for (const event of events) {
  const time = event.eventTime.getTime();
  if (event.kind === "machine.state") signals.push({ time, ...event.payload });
  if (event.kind === "production.count") counts.push({ time, ...event.payload });
  if (event.kind === "production.scrap") scrap.push({ time, ...event.payload });
}
const eventTimes = events.flatMap((event) => (event.workCenterId ? [event.eventTime.getTime()] : []));
// The simulator reports by exception: a machine under repair sends nothing. A connector's
// keep-alive (here every 5 minutes) is what tells "stopped and silent" from "connection lost".
const keepAlives = Array.from({ length: (to - from) / 300_000 }, (_, index) => from + index * 300_000);
const calendar = buildCalendarTimeline({ from, to, shifts: instances });
const intervals = deriveStateIntervals({
  from,
  to,
  now: to,
  signals,
  heartbeats: [...eventTimes, ...keepAlives],
  calendar,
});
const input = { intervals, counts, scrap, idealCycleAt: () => IDEAL_CYCLE_SECONDS, from, to };
const components = computeOeeComponents(input);

describe("a simulated week through the execution logic", () => {
  it("covers the week without gaps or overlaps", () => {
    expect(intervals[0]?.start).toBe(from);
    expect(intervals[intervals.length - 1]?.end).toBe(to);
    intervals.forEach((interval, index) => {
      if (index > 0) expect(interval.start).toBe(intervals[index - 1]?.end);
    });
  });

  it("plans exactly the calendar's production time and counts every unit inside it", () => {
    expect(components.plannedMs).toBe(10 * (480 - 45) * 60_000);
    expect(components.unscheduledCount).toBe(0);
    expect(components.unscheduledRunMs).toBe(0);
    expect(components.totalCount).toBe(counts.reduce((sum, count) => sum + count.total, 0));
    // Nights and weekends, silent or not, are no-shift time, never UNKNOWN.
    expect(components.unknownMs).toBe(0);
  });

  it("without keep-alives, turns only long silent stops into UNKNOWN", () => {
    const silent = deriveStateIntervals({ from, to, now: to, signals, heartbeats: eventTimes, calendar });
    const unknown = silent.filter((interval) => interval.state === "UNKNOWN");
    expect(unknown.length).toBeGreaterThan(0);
    for (const interval of unknown) {
      // The machine was in a stop, and had said nothing for the whole timeout.
      const lastSignal = signals.filter((signal) => signal.time <= interval.start).at(-1);
      const lastEvent = eventTimes.filter((time) => time <= interval.start).at(-1) ?? 0;
      expect(lastSignal?.state).not.toBe("RUNNING");
      expect(interval.start - lastEvent).toBeGreaterThanOrEqual(10 * 60_000);
    }
  });

  it("classifies every failure and gives a plausible OEE", () => {
    expect(intervals.some((i) => i.unclassified)).toBe(false);
    expect(intervals.some((i) => i.microStop)).toBe(true);
    const ratios = oeeRatios(components);
    expect(ratios.availability).toBeGreaterThan(0.7);
    expect(ratios.performance).toBeGreaterThan(0.75);
    expect(ratios.performance).toBeLessThanOrEqual(0.9 + 1e-9);
    expect(ratios.quality).toBeGreaterThan(0.95);
    expect(components.lossMs.STARTUP_REJECTS).toBeGreaterThan(0);
    const steps = sixBigLossesWaterfall(components);
    expect(steps[steps.length - 1]?.minutes).toBeGreaterThan(0);
  });

  it("buckets add up to the week", () => {
    expect(sumOeeComponents(bucketize(input).map((bucket) => bucket.components))).toEqual(components);
  });
});
