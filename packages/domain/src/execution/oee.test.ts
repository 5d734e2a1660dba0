import { describe, expect, it } from "vitest";
import type { TShiftDefinition } from "../calendar/expand-shifts";
import { deriveStateIntervals, type TStopClassification } from "./derive-state-intervals";
import type { TStateSignal } from "./machine-episodes";
import { computeOeeComponents, displayRatio, emptyOeeComponents, oeeRatios, sumOeeComponents } from "./oee";
import { clipIntervals } from "./state-interval";
import {
  at,
  calendarFor,
  deriveDay,
  GOLDEN_FROM,
  GOLDEN_SHIFT,
  GOLDEN_TO,
  goldenComponents,
  goldenCounts,
  goldenScrap,
  goldenSignals,
  HOUR,
  heartbeatsBetween,
  MIN,
  signal,
} from "./test-support";

const from = GOLDEN_FROM;
const to = GOLDEN_TO;
const oneMinuteCycle = () => 60;

function intervalsFor(
  signals: TStateSignal[],
  options: { shifts?: TShiftDefinition[] | null; classifications?: TStopClassification[]; heartbeats?: number[] } = {},
) {
  return deriveStateIntervals({
    from,
    to,
    now: to,
    signals,
    heartbeats: options.heartbeats ?? heartbeatsBetween(at("05:00"), to),
    calendar: calendarFor({ shifts: options.shifts === undefined ? [GOLDEN_SHIFT] : options.shifts, from, to }),
    classifications: options.classifications,
  });
}

describe("computeOeeComponents and oeeRatios", () => {
  it("reproduces the DESIGN golden case from intervals and counts", () => {
    const components = goldenComponents();
    expect(components).toMatchObject({
      plannedMs: 480 * MIN,
      runMs: 420 * MIN,
      unknownMs: 0,
      unscheduledRunMs: 0,
      totalCount: 400,
      goodCount: 380,
      unscheduledCount: 0,
      idealMs: 400 * MIN,
      countWithoutIdealCycle: 0,
      scrapByReason: { DIMENSION: 20 },
      reducedSpeedRawMs: 20 * MIN,
    });
    expect(components.lossMs).toEqual({
      EQUIPMENT_FAILURE: 60 * MIN,
      SETUP_ADJUSTMENT: 0,
      MINOR_STOPS: 0,
      REDUCED_SPEED: 20 * MIN,
      PROCESS_DEFECTS: 20 * MIN,
      STARTUP_REJECTS: 0,
    });
    const ratios = oeeRatios(components);
    expect(ratios.availability).toBe(0.875);
    expect(ratios.performance).toBeCloseTo(0.952, 3);
    expect(ratios.quality).toBe(0.95);
    // 0.875 × 0.95238 × 0.95 = 0.79167: DESIGN's "79.1 %" is that value cut to one decimal.
    expect(Math.floor((ratios.oee ?? 0) * 1000) / 10).toBe(79.1);
    expect(ratios.oee).toBeCloseTo(380 / 480, 12);
  });

  it("attributes a count flushed the instant a break begins to the production before it", () => {
    // goldenCounts has one at 10:00, the start of lunch: it is in totalCount, not unscheduledCount.
    const components = goldenComponents();
    expect(components.totalCount).toBe(400);
  });

  it("uses the ideal cycle of the product running at each count's time", () => {
    const productChange = at("10:30");
    const components = computeOeeComponents({
      intervals: intervalsFor(goldenSignals),
      counts: goldenCounts,
      scrap: [],
      idealCycleAt: (time) => (time <= productChange ? 30 : 45),
    });
    // 9 counts before the change at 30 s, 11 after it at 45 s, 20 units each.
    expect(components.idealMs).toBe((9 * 20 * 30 + 11 * 20 * 45) * 1000);
    expect(oeeRatios(components).performance).toBeCloseTo((9 * 20 * 30 + 11 * 20 * 45) / (420 * 60), 12);
  });

  it("still counts units of an unknown product, flags them and gives them no ideal time", () => {
    const components = computeOeeComponents({
      intervals: intervalsFor(goldenSignals),
      counts: goldenCounts,
      scrap: goldenScrap,
      idealCycleAt: (time) => (time < at("07:30") ? null : 60),
    });
    expect(components.totalCount).toBe(400);
    expect(components.countWithoutIdealCycle).toBe(4 * 20);
    expect(components.idealMs).toBe(320 * MIN);
    // Scrap of the unknown product is counted, but its time cannot be valued.
    expect(components.scrapByReason.DIMENSION).toBe(20);
    expect(components.lossMs.PROCESS_DEFECTS).toBe(16 * MIN);
  });

  it("counts every hour as planned when there is no calendar (24/7)", () => {
    const counts = [at("02:00", "2026-11-17"), at("09:00")].map((time) => ({ time, total: 60, good: 60 }));
    const dayFrom = at("00:00");
    const dayTo = at("00:00", "2026-11-17") + 24 * HOUR;
    const intervals = deriveStateIntervals({
      from: dayFrom,
      to: dayTo,
      now: dayTo,
      signals: [signal(dayFrom - MIN, "RUNNING")],
      heartbeats: heartbeatsBetween(dayFrom - MIN, dayTo),
      calendar: calendarFor({ shifts: null, from: dayFrom, to: dayTo }),
    });
    const components = computeOeeComponents({ intervals, counts, scrap: [], idealCycleAt: oneMinuteCycle });
    expect(intervals.every((i) => i.scheduled && i.shiftKey === null)).toBe(true);
    expect(components).toMatchObject({ plannedMs: 48 * HOUR, runMs: 48 * HOUR, totalCount: 120, unscheduledCount: 0 });
    expect(oeeRatios(components).availability).toBe(1);
  });

  it("keeps production outside planned time out of OEE and reports it separately", () => {
    const overtime = intervalsFor(
      [signal(at("05:00"), "RUNNING")],
      // Same day, but a shift ending at 12:30: the machine runs on for two hours.
      { shifts: [{ ...GOLDEN_SHIFT, durationMinutes: 390 }] },
    );
    const counts = [at("12:00"), at("13:00"), at("14:00")].map((time) => ({ time, total: 10, good: 10 }));
    const components = computeOeeComponents({ intervals: overtime, counts, scrap: [], idealCycleAt: oneMinuteCycle });
    expect(components).toMatchObject({
      plannedMs: 360 * MIN,
      runMs: 360 * MIN,
      totalCount: 10,
      unscheduledCount: 20,
      // Through lunch too: the machine never stopped for it.
      unscheduledRunMs: 150 * MIN,
    });
  });

  it("keeps idling and minor stops inside run time (performance), failures outside (availability)", () => {
    const components = computeOeeComponents({
      intervals: intervalsFor([
        signal(at("05:00"), "RUNNING"),
        signal(at("07:00"), "IDLE", "MATERIAL_STARVED"),
        signal(at("07:20"), "RUNNING"),
        signal(at("08:00"), "DOWN"),
        signal(at("08:01"), "RUNNING"),
        signal(at("09:00"), "PLANNED_STOP", "CHANGEOVER"),
        signal(at("09:30"), "RUNNING"),
      ]),
      counts: [],
      scrap: [],
      idealCycleAt: oneMinuteCycle,
    });
    expect(components.lossMs.MINOR_STOPS).toBe(21 * MIN);
    expect(components.lossMs.SETUP_ADJUSTMENT).toBe(30 * MIN);
    expect(components.lossMs.EQUIPMENT_FAILURE).toBe(0);
    // The machine ran through lunch, so PPT is the whole shift.
    expect(components.plannedMs).toBe(480 * MIN);
    expect(components.runMs).toBe(450 * MIN);
  });

  it("counts UNKNOWN inside planned time as lost availability", () => {
    const components = computeOeeComponents({
      intervals: intervalsFor(goldenSignals, {
        heartbeats: [...heartbeatsBetween(at("05:00"), at("12:01")), ...heartbeatsBetween(at("13:00"), to)],
      }),
      counts: [],
      scrap: [],
      idealCycleAt: oneMinuteCycle,
    });
    expect(components.unknownMs).toBe(50 * MIN);
    expect(components.runMs).toBe(370 * MIN);
    expect(oeeRatios(components).availability).toBeCloseTo(370 / 480, 12);
  });

  it("takes a stop with an excluded reason out of planned time instead of counting a loss", () => {
    const components = computeOeeComponents({
      intervals: intervalsFor([signal(at("05:00"), "RUNNING"), signal(at("12:30"), "IDLE", "NO_ORDER")]),
      counts: [],
      scrap: [],
      idealCycleAt: oneMinuteCycle,
    });
    // 06:00–12:30 minus the lunch the machine ran through... as unscheduled production.
    expect(components).toMatchObject({ plannedMs: 360 * MIN, runMs: 360 * MIN, unscheduledRunMs: 30 * MIN });
    expect(oeeRatios(components).availability).toBe(1);
  });

  it("moves a stop between factors when an operator classifies it", () => {
    const signals = [signal(at("05:00"), "RUNNING"), signal(at("08:00"), "DOWN"), signal(at("09:00"), "RUNNING")];
    const before = computeOeeComponents({
      intervals: intervalsFor(signals),
      counts: [],
      scrap: [],
      idealCycleAt: oneMinuteCycle,
    });
    const after = computeOeeComponents({
      intervals: intervalsFor(signals, {
        classifications: [{ stopStart: at("08:00"), reasonCode: "MATERIAL_STARVED", classifiedAt: at("09:05") }],
      }),
      counts: [],
      scrap: [],
      idealCycleAt: oneMinuteCycle,
    });
    expect(before.lossMs.EQUIPMENT_FAILURE).toBe(60 * MIN);
    expect(after.lossMs.EQUIPMENT_FAILURE).toBe(0);
    expect(after.lossMs.MINOR_STOPS).toBe(60 * MIN);
    expect(after.runMs - before.runMs).toBe(60 * MIN);
  });

  it("splits scrap into process defects and start-up rejects by reason", () => {
    const components = computeOeeComponents({
      intervals: intervalsFor(goldenSignals),
      counts: goldenCounts,
      scrap: [
        { time: at("06:20"), quantity: 5, reasonCode: "STARTUP_REJECT" },
        { time: at("07:00"), quantity: 2, reasonCode: "SURFACE" },
        { time: at("07:20"), quantity: 1, reasonCode: "A_TENANT_CODE" },
      ],
      idealCycleAt: oneMinuteCycle,
    });
    expect(components.lossMs.STARTUP_REJECTS).toBe(5 * MIN);
    expect(components.lossMs.PROCESS_DEFECTS).toBe(3 * MIN);
    expect(components.scrapByReason).toEqual({ STARTUP_REJECT: 5, SURFACE: 2, A_TENANT_CODE: 1 });
  });

  it("gives each night shift across a daylight-saving change its real planned time (America/Chicago)", () => {
    const night: TShiftDefinition = {
      name: "Night",
      weekdays: [6],
      startMinute: 22 * 60,
      durationMinutes: 480,
      breaks: [],
    };
    const plannedOn = (saturday: string) => {
      const nightFrom = Date.parse(`${saturday}T12:00:00Z`);
      const nightTo = nightFrom + 24 * HOUR;
      const intervals = deriveStateIntervals({
        from: nightFrom,
        to: nightTo,
        now: nightTo,
        signals: [signal(nightFrom, "RUNNING")],
        heartbeats: heartbeatsBetween(nightFrom, nightTo),
        calendar: calendarFor({ shifts: [night], timeZone: "America/Chicago", from: nightFrom, to: nightTo }),
      });
      return computeOeeComponents({ intervals, counts: [], scrap: [], idealCycleAt: oneMinuteCycle }).plannedMs;
    };
    expect(plannedOn("2026-03-07")).toBe(7 * HOUR); // spring forward
    expect(plannedOn("2026-10-31")).toBe(9 * HOUR); // fall back
    expect(plannedOn("2026-11-07")).toBe(8 * HOUR);
  });
});

describe("ratios", () => {
  it("is undefined without planned time, 0 % when planned time produced nothing", () => {
    expect(oeeRatios(emptyOeeComponents())).toEqual({
      availability: null,
      performance: null,
      quality: null,
      oee: null,
    });
    const brokenAllShift = { ...emptyOeeComponents(), plannedMs: 8 * HOUR };
    expect(oeeRatios(brokenAllShift)).toEqual({ availability: 0, performance: null, quality: null, oee: 0 });
    const ranWithoutCounts = { ...emptyOeeComponents(), plannedMs: 8 * HOUR, runMs: 8 * HOUR };
    expect(oeeRatios(ranWithoutCounts)).toEqual({ availability: 1, performance: 0, quality: null, oee: 0 });
  });

  it("keeps performance above 100 % in the ratio and caps it only for display", () => {
    const fast = computeOeeComponents({
      intervals: clipIntervals(deriveDay({ signals: [signal(at("05:00"), "RUNNING")] }), at("06:00"), at("07:00")),
      counts: [{ time: at("07:00"), total: 70, good: 70 }],
      scrap: [],
      idealCycleAt: () => 120,
    });
    const { performance } = oeeRatios(fast);
    expect(performance).toBeCloseTo(140 / 60, 12);
    expect(displayRatio(performance)).toBe(1);
    expect(displayRatio(0.5)).toBe(0.5);
    expect(displayRatio(null)).toBeNull();
    // Beating the ideal cycle is no negative loss in the waterfall, but the raw sign is kept.
    expect(fast.lossMs.REDUCED_SPEED).toBe(0);
    expect(fast.reducedSpeedRawMs).toBe(-80 * MIN);
  });
});

describe("sumOeeComponents", () => {
  it("adds components and derives the ratios from the sums, not by averaging OEEs", () => {
    const good = {
      ...emptyOeeComponents(),
      plannedMs: 8 * HOUR,
      runMs: 8 * HOUR,
      idealMs: 8 * HOUR,
      totalCount: 480,
      goodCount: 480,
    };
    const bad = {
      ...emptyOeeComponents(),
      plannedMs: 1 * HOUR,
      runMs: 0.5 * HOUR,
      idealMs: 0.25 * HOUR,
      totalCount: 15,
      goodCount: 15,
    };
    const sum = sumOeeComponents([good, bad]);
    expect(sum).toMatchObject({ plannedMs: 9 * HOUR, runMs: 8.5 * HOUR, idealMs: 8.25 * HOUR, totalCount: 495 });
    const oeeOfSum = oeeRatios(sum).oee ?? Number.NaN;
    const averageOfOees = ((oeeRatios(good).oee ?? 0) + (oeeRatios(bad).oee ?? 0)) / 2;
    expect(oeeOfSum).toBeCloseTo(8.25 / 9, 12);
    expect(oeeOfSum).not.toBeCloseTo(averageOfOees, 2);
  });

  it("recomputes reduced speed from the sums: a fast hour offsets a slow one", () => {
    const slow = { ...emptyOeeComponents(), runMs: HOUR, idealMs: 0.5 * HOUR };
    const fast = { ...emptyOeeComponents(), runMs: HOUR, idealMs: 1.5 * HOUR };
    const sum = sumOeeComponents([sumOeeComponents([slow]), sumOeeComponents([fast])]);
    expect(sum.reducedSpeedRawMs).toBe(0);
    expect(sum.lossMs.REDUCED_SPEED).toBe(0);
    expect(sumOeeComponents([slow]).lossMs.REDUCED_SPEED).toBe(0.5 * HOUR);
  });

  it("merges scrap by reason", () => {
    const a = { ...emptyOeeComponents(), scrapByReason: { DIMENSION: 2 } };
    const b = { ...emptyOeeComponents(), scrapByReason: { DIMENSION: 1, SURFACE: 4 } };
    expect(sumOeeComponents([a, b]).scrapByReason).toEqual({ DIMENSION: 3, SURFACE: 4 });
  });

  it("returns empty components for an empty list", () => {
    expect(sumOeeComponents([])).toEqual(emptyOeeComponents());
  });
});
