import { describe, expect, it } from "vitest";
import type { TShiftDefinition } from "../calendar/expand-shifts";
import { createRandom, type Random } from "../simulation/random";
import {
  alignToBuckets,
  BUCKET_MS,
  bucketize,
  bucketOfEvent,
  bucketRange,
  bucketStartOf,
  findMisalignedBoundaries,
  shiftAndDayKeys,
} from "./buckets";
import type { TNoShiftPeriod } from "./calendar-timeline";
import { deriveStateIntervals, type TStopClassification } from "./derive-state-intervals";
import type { TStateSignal } from "./machine-episodes";
import { computeOeeComponents, sumOeeComponents, type TCountEvent, type TScrapEvent } from "./oee";
import { clipIntervals, EXECUTION_STATES, emptyStateMs, sumStateMs } from "./state-interval";
import { at, calendarFor, EARLY, HOUR, heartbeatsBetween, LATE, MIN, signal } from "./test-support";

describe("bucket helpers", () => {
  it("finds bucket starts, event buckets and aligned ranges", () => {
    expect(bucketStartOf(at("10:07"))).toBe(at("10:00"));
    expect(bucketStartOf(at("10:15"))).toBe(at("10:15"));
    // A count at 10:15 reports units made up to 10:15: it closes the 10:00 bucket.
    expect(bucketOfEvent(at("10:15"))).toBe(at("10:00"));
    expect(bucketOfEvent(at("10:15") + 1)).toBe(at("10:15"));
    expect(bucketRange(at("10:07"), at("10:46"))).toEqual([at("10:00"), at("10:15"), at("10:30"), at("10:45")]);
    expect(bucketRange(at("10:00"), at("10:00"))).toEqual([]);
    expect(alignToBuckets(at("10:07"), at("10:46"))).toEqual({ from: at("10:00"), to: at("11:00") });
    expect(BUCKET_MS).toBe(15 * MIN);
  });
});

/** A messy but plausible machine history: random states and reasons, silences, classifications, counts, scrap. */
function randomHistory(random: Random, from: number, to: number) {
  const states = ["RUNNING", "RUNNING", "RUNNING", "IDLE", "DOWN", "PLANNED_STOP"] as const;
  const reasons: Record<(typeof states)[number], Array<string | undefined>> = {
    RUNNING: [undefined],
    IDLE: [undefined, "MATERIAL_STARVED", "NO_ORDER", "MICRO_STOP"],
    DOWN: [undefined, "FAIL_MECH", "JAM"],
    PLANNED_STOP: [undefined, "CHANGEOVER", "PLANNED_MAINTENANCE", "BREAK"],
  };
  const signals: TStateSignal[] = [];
  for (let time = from - HOUR; time < to; time += Math.floor(random.exponential(12 * MIN)) + 1) {
    const state = states[random.integer(0, states.length - 1)] ?? "RUNNING";
    const options = reasons[state];
    signals.push(signal(time, state, options[random.integer(0, options.length - 1)]));
  }
  const heartbeats: number[] = [];
  for (let time = from - HOUR; time < to; time += Math.floor(random.exponential(4 * MIN)) + 1) heartbeats.push(time);
  const classifications: TStopClassification[] = signals
    .filter(() => random.chance(0.3))
    .map((s) => ({
      stopStart: s.time,
      reasonCode: random.chance(0.5) ? "JAM" : "CHANGEOVER",
      classifiedAt: s.time + HOUR,
    }));
  const counts: TCountEvent[] = [];
  const scrap: TScrapEvent[] = [];
  for (let time = from; time <= to; time += random.chance(0.2) ? BUCKET_MS : Math.floor(random.between(1, 7 * MIN))) {
    // Some events land exactly on bucket edges, where ownership is easiest to get wrong.
    const eventTime = random.chance(0.1) ? bucketStartOf(time) : time;
    const total = random.integer(0, 12);
    const good = random.integer(0, total);
    counts.push({ time: eventTime, total, good });
    if (total > good)
      scrap.push({
        time: eventTime,
        quantity: total - good,
        reasonCode: random.chance(0.2) ? "STARTUP_REJECT" : "SURFACE",
      });
  }
  return { signals, heartbeats, classifications, counts, scrap };
}

describe("bucketize", () => {
  const shifts: TShiftDefinition[] = [
    EARLY,
    { ...LATE, breaks: [{ name: "Break", startOffsetMinutes: 127, durationMinutes: 11 }] },
  ];
  const cases = [
    { name: "two shifts, aligned range", seed: 1, from: at("00:00"), to: at("00:00", "2026-11-18"), shifts },
    { name: "two shifts, unaligned range", seed: 2, from: at("05:07") + 13_000, to: at("21:52") + 7, shifts },
    { name: "no calendar (24/7)", seed: 3, from: at("00:00"), to: at("00:00", "2026-11-17"), shifts: null },
    {
      name: "shifts in Chicago over the fall-back night",
      seed: 4,
      from: Date.parse("2026-10-31T00:00:00Z"),
      to: Date.parse("2026-11-02T00:00:00Z"),
      shifts,
      timeZone: "America/Chicago",
    },
  ];
  for (const testCase of cases) {
    for (let variant = 0; variant < 5; variant += 1) {
      it(`sums to the range exactly: ${testCase.name} (seed ${testCase.seed}.${variant})`, () => {
        const random = createRandom(testCase.seed * 1000 + variant);
        const { from, to } = testCase;
        const history = randomHistory(random, from, to);
        const noShiftPeriods: TNoShiftPeriod[] = [
          { start: from + 9 * HOUR + 7 * MIN, end: from + 10 * HOUR, kind: "PLANNED_MAINTENANCE" },
          { start: from + 20 * HOUR, end: from + 21 * HOUR + 30 * MIN, kind: "HOLIDAY" },
        ];
        const calendar = calendarFor({
          shifts: testCase.shifts,
          timeZone: testCase.timeZone,
          from,
          to,
          noShiftPeriods,
        });
        const intervals = deriveStateIntervals({ from, to, now: to, calendar, ...history });
        // Fractional ideal cycles that change with the product: sums must still be exact.
        const idealCycleAt = (time: number) => (time % 3 === 0 ? null : time < from + 8 * HOUR ? 37.3 : 12.71);
        const input = { intervals, counts: history.counts, scrap: history.scrap, idealCycleAt, from, to };

        const buckets = bucketize(input);
        expect(buckets.map((b) => b.start)).toEqual(bucketRange(from, to));
        const whole = computeOeeComponents(input);
        expect(sumOeeComponents(buckets.map((b) => b.components))).toEqual(whole);
        expect(whole.totalCount + whole.unscheduledCount).toBeGreaterThan(0);

        const stateTotals = emptyStateMs();
        for (const bucket of buckets) for (const state of EXECUTION_STATES) stateTotals[state] += bucket.stateMs[state];
        expect(stateTotals).toEqual(sumStateMs(intervals));
        // Any run of consecutive buckets sums to computeOeeComponents over that run.
        const a = random.integer(0, buckets.length - 1);
        const b = random.integer(a, buckets.length - 1);
        const runFrom = Math.max(from, buckets[a]?.start ?? from);
        const runTo = Math.min(to, buckets[b]?.end ?? to);
        expect(sumOeeComponents(buckets.slice(a, b + 1).map((x) => x.components))).toEqual(
          computeOeeComponents({
            ...input,
            intervals: clipIntervals(intervals, runFrom, runTo),
            counts: history.counts,
          }),
        );
      });
    }
  }
});

describe("shift and day keys", () => {
  const night: TShiftDefinition = {
    name: "Night",
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    startMinute: 22 * 60,
    durationMinutes: 480,
    breaks: [],
  };
  const timeZone = "America/Chicago";
  const from = Date.parse("2026-11-16T12:00:00Z"); // Monday 06:00 CST
  const to = from + 24 * HOUR;
  const calendar = calendarFor({ shifts: [EARLY, LATE, night], timeZone, from, to });

  it("maps a bucket to the site's local day and the shift running at its start", () => {
    expect(shiftAndDayKeys(Date.parse("2026-11-16T19:45:00Z"), calendar, timeZone)).toEqual({
      localDay: "2026-11-16",
      shiftKey: "2026-11-16|Early",
    });
    expect(shiftAndDayKeys(Date.parse("2026-11-16T20:00:00Z"), calendar, timeZone)).toEqual({
      localDay: "2026-11-16",
      shiftKey: "2026-11-16|Late",
    });
    // 01:00 on Tuesday in Chicago: the next local day, but still Monday's night shift.
    expect(shiftAndDayKeys(Date.parse("2026-11-17T07:00:00Z"), calendar, timeZone)).toEqual({
      localDay: "2026-11-17",
      shiftKey: "2026-11-16|Night",
    });
  });

  it("keeps a break in its shift and leaves time outside every shift without one", () => {
    const early = calendarFor({ shifts: [EARLY], from: at("00:00"), to: at("23:00") });
    expect(shiftAndDayKeys(at("10:15"), early, "UTC").shiftKey).toBe("2026-11-16|Early");
    expect(shiftAndDayKeys(at("15:00"), early, "UTC")).toEqual({ localDay: "2026-11-16", shiftKey: null });
  });

  it("finds nothing to report when shifts and days change on quarter hours, even across DST", () => {
    const fallBack = Date.parse("2026-10-31T00:00:00Z");
    const dstCalendar = calendarFor({
      shifts: [EARLY, LATE, night],
      timeZone,
      from: fallBack,
      to: fallBack + 3 * 24 * HOUR,
    });
    expect(
      findMisalignedBoundaries({ calendar: dstCalendar, timeZone, from: fallBack, to: fallBack + 3 * 24 * HOUR }),
    ).toEqual([]);
    // Kathmandu is UTC+05:45: its midnight is still on a quarter hour.
    expect(findMisalignedBoundaries({ calendar: [], timeZone: "Asia/Kathmandu", from, to })).toEqual([]);
  });

  it("reports shift changes off the quarter hour", () => {
    const odd: TShiftDefinition = { ...EARLY, startMinute: 6 * 60 + 10, breaks: [] };
    const oddCalendar = calendarFor({ shifts: [odd], from: at("00:00"), to: at("23:00") });
    const problems = findMisalignedBoundaries({
      calendar: oddCalendar,
      timeZone: "UTC",
      from: at("00:00"),
      to: at("23:00"),
    });
    expect(problems.map((p) => [p.kind, p.time])).toEqual([
      ["SHIFT", at("06:10")],
      ["SHIFT", at("14:10")],
    ]);
  });

  it("reports a local midnight inside a bucket", () => {
    // Liberia kept UTC−00:44:30 until 1972: its midnight fell at 00:44:30 UTC.
    const day = Date.parse("1970-06-01T00:00:00Z");
    const problems = findMisalignedBoundaries({
      calendar: [],
      timeZone: "Africa/Monrovia",
      from: day,
      to: day + 2 * HOUR,
    });
    expect(problems.map((p) => [p.kind, p.time])).toEqual([["DAY", Date.parse("1970-06-01T00:30:00Z")]]);
  });
});

describe("an order spanning two shifts", () => {
  // The order runs 12:00–16:00 across the 14:00 change from Early to Late, with a stop across the change.
  const from = at("12:00");
  const to = at("16:00");
  const calendar = calendarFor({ shifts: [EARLY, LATE], from, to });
  const intervals = deriveStateIntervals({
    from,
    to,
    now: to,
    signals: [signal(at("11:00"), "RUNNING"), signal(at("13:50"), "DOWN"), signal(at("14:20"), "RUNNING")],
    heartbeats: heartbeatsBetween(at("11:00"), to),
    calendar,
  });
  const counts = heartbeatsBetween(at("12:05"), to, 5 * MIN)
    .filter((time) => time <= at("13:50") || time > at("14:20"))
    .map((time) => ({ time, total: 10, good: 10 }));
  const idealCycleAt = () => 30;
  const buckets = bucketize({ intervals, counts, scrap: [], idealCycleAt, from, to });

  it("rolls each bucket into its shift, and the two shifts add up to the whole order", () => {
    const byShift = new Map<string | null, typeof buckets>();
    for (const bucket of buckets) {
      const { shiftKey } = shiftAndDayKeys(bucket.start, calendar, "UTC");
      byShift.set(shiftKey, [...(byShift.get(shiftKey) ?? []), bucket]);
    }
    expect([...byShift.keys()]).toEqual(["2026-11-16|Early", "2026-11-16|Late"]);
    const early = sumOeeComponents((byShift.get("2026-11-16|Early") ?? []).map((b) => b.components));
    const late = sumOeeComponents((byShift.get("2026-11-16|Late") ?? []).map((b) => b.components));
    // The stop counts 10 minutes against Early (13:50–14:00) and 20 against Late (14:00–14:20).
    expect(early.lossMs.EQUIPMENT_FAILURE).toBe(10 * MIN);
    expect(late.lossMs.EQUIPMENT_FAILURE).toBe(20 * MIN);
    expect(early.totalCount + late.totalCount).toBe(counts.length * 10);
    expect(sumOeeComponents([early, late])).toEqual(
      computeOeeComponents({ intervals, counts, scrap: [], idealCycleAt }),
    );
    // The same split straight from the intervals' shift keys.
    const earlyIntervals = intervals.filter((i) => i.shiftKey === "2026-11-16|Early");
    expect(computeOeeComponents({ intervals: earlyIntervals, counts, scrap: [], idealCycleAt })).toEqual(early);
  });
});
