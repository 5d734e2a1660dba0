import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createExecutionTestPlant,
  QUARTER,
  quarterHours,
  type TBucketRow,
  type TExecutionTestPlant,
} from "./testing/execution-test-plant";

let db: TestDatabase;
let plant: TExecutionTestPlant;
let goldenWorkCenter: string;
let dstWorkCenter: string;
let emptyLine: string;

/**
 * DESIGN.md's golden case as 32 quarter hours of the Early shift (06:00–14:00 in Chicago, 11:00Z
 * in June): 4 down, 28 running; 400 units at an ideal cycle of 1 min, 20 scrapped.
 */
function goldenShiftBuckets(): TBucketRow[] {
  return quarterHours("2026-06-10T11:00:00Z", 32).map((bucketStart, index) => {
    if (index < 4) return { bucketStart, plannedMs: QUARTER, equipmentFailureMs: QUARTER, reducedSpeedRawMs: 0 };
    const running = index - 4;
    const total = running < 20 ? 14 : 15;
    const scrap = running < 20 ? 1 : 0;
    const idealMs = total * 60_000;
    return {
      bucketStart,
      plannedMs: QUARTER,
      runMs: QUARTER,
      totalCount: total,
      goodCount: total - scrap,
      idealMs,
      processDefectsMs: scrap * 60_000,
      reducedSpeedRawMs: QUARTER - idealMs,
    };
  });
}

/** A unit and a planned quarter hour in every bucket of three local days in Chicago. */
function everyQuarterHour(fromIso: string, toIso: string): TBucketRow[] {
  const count = (Date.parse(toIso) - Date.parse(fromIso)) / QUARTER;
  return quarterHours(fromIso, count).map((bucketStart) => ({
    bucketStart,
    plannedMs: QUARTER,
    runMs: QUARTER,
    totalCount: 1,
    goodCount: 1,
    idealMs: 60_000,
  }));
}

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createExecutionTestPlant(db, "Trend", "America/Chicago");
  await plant.addShift({ name: "Early", startMinute: 6 * 60, durationMinutes: 8 * 60 });
  goldenWorkCenter = await plant.addWorkCenter("GOLD");
  dstWorkCenter = await plant.addWorkCenter("DST");
  emptyLine = await plant.addLine("EMPTY");
  await plant.insertBuckets(goldenWorkCenter, [
    ...goldenShiftBuckets(),
    // Units made after the shift, outside planned time: reported, never part of OEE.
    { bucketStart: new Date("2026-06-10T20:00:00Z"), unscheduledRunMs: QUARTER, unscheduledCount: 9 },
  ]);
  // Chicago local midnights: 2026-03-07 06:00Z … 2026-03-10 05:00Z (spring forward on the 8th),
  // 2026-10-31 05:00Z … 2026-11-03 06:00Z (fall back on 1 November).
  await plant.insertBuckets(dstWorkCenter, [
    ...everyQuarterHour("2026-03-07T06:00:00Z", "2026-03-10T05:00:00Z"),
    ...everyQuarterHour("2026-10-31T05:00:00Z", "2026-11-03T06:00:00Z"),
  ]);
});

afterAll(async () => {
  await db.drop();
});

const golden = {
  plannedMinutes: 480,
  runMinutes: 420,
  totalCount: 400,
  goodCount: 380,
};

describe("execution.oeeTrend", () => {
  it("gives DESIGN's golden case from buckets: A 87.5 %, P 95.2 %, Q 95 %, OEE 79.1 %", async () => {
    const api = await plant.caller();
    const trend = await api.execution.oeeTrend({
      workCenterId: goldenWorkCenter,
      from: "2026-06-10",
      to: "2026-06-10",
    });
    expect(trend.points).toHaveLength(1);
    const [day] = trend.points;
    expect(day).toMatchObject({ key: "2026-06-10", date: "2026-06-10", shiftName: null, ...golden });
    expect(day?.availability).toBeCloseTo(0.875, 10);
    expect(day?.performance).toBeCloseTo(400 / 420, 10);
    expect(day?.quality).toBeCloseTo(0.95, 10);
    expect(day?.oee).toBeCloseTo(0.791_666_67, 6);
    expect(day?.start).toEqual(new Date("2026-06-10T05:00:00Z"));
  });

  it("rolls the same buckets up into the shift they ran in", async () => {
    const api = await plant.caller();
    const byDay = await api.execution.oeeTrend({
      workCenterId: goldenWorkCenter,
      from: "2026-06-10",
      to: "2026-06-10",
    });
    const [day] = byDay.points;
    const trend = await api.execution.oeeTrend({
      workCenterId: goldenWorkCenter,
      from: "2026-06-10",
      to: "2026-06-10",
      granularity: "shift",
    });
    expect(trend.points).toHaveLength(1);
    expect(trend.points[0]).toMatchObject({
      key: "2026-06-10|Early",
      shiftName: "Early",
      start: new Date("2026-06-10T11:00:00Z"),
      end: new Date("2026-06-10T19:00:00Z"),
      ...golden,
    });
    expect(trend.points[0]?.oee).toBeCloseTo(0.791_666_67, 6);
    expect(Object.keys(trend.points[0] ?? {}).sort()).toEqual(Object.keys(day ?? {}).sort());
  });

  it("lists every shift of the calendar, with nothing recorded as planned time 0 and no ratios", async () => {
    const api = await plant.caller();
    const trend = await api.execution.oeeTrend({
      workCenterId: goldenWorkCenter,
      from: "2026-06-09",
      to: "2026-06-11",
      granularity: "shift",
    });
    expect(trend.points.map((point) => point.key)).toEqual([
      "2026-06-09|Early",
      "2026-06-10|Early",
      "2026-06-11|Early",
    ]);
    expect(trend.points[0]).toMatchObject({ plannedMinutes: 0, availability: null, oee: null });
  });

  it("groups days in the site's zone: 23 hours on the spring-forward day, 25 on the fall-back day", async () => {
    const api = await plant.caller();
    const spring = await api.execution.oeeTrend({ workCenterId: dstWorkCenter, from: "2026-03-07", to: "2026-03-09" });
    expect(spring.points.map((point) => [point.key, point.plannedMinutes, point.totalCount])).toEqual([
      ["2026-03-07", 1440, 96],
      ["2026-03-08", 1380, 92],
      ["2026-03-09", 1440, 96],
    ]);
    const short = spring.points[1];
    expect((short?.end.getTime() ?? 0) - (short?.start.getTime() ?? 0)).toBe(23 * 3_600_000);

    const fall = await api.execution.oeeTrend({ workCenterId: dstWorkCenter, from: "2026-10-31", to: "2026-11-02" });
    expect(fall.points.map((point) => [point.key, point.plannedMinutes, point.totalCount])).toEqual([
      ["2026-10-31", 1440, 96],
      ["2026-11-01", 1500, 100],
      ["2026-11-02", 1440, 96],
    ]);
  });

  it("sums a line's work centers before dividing", async () => {
    const api = await plant.caller();
    const trend = await api.execution.oeeTrend({ lineId: plant.fixture.lineId, from: "2026-06-10", to: "2026-06-10" });
    const [day] = trend.points;
    // Golden (480 planned, 380 good min) plus nothing from the DST work center on that day.
    expect(day?.plannedMinutes).toBe(480);
    expect(day?.oee).toBeCloseTo(0.791_666_67, 6);
    const both = await api.execution.oeeTrend({ from: "2026-03-08", to: "2026-03-08" });
    expect(both.points[0]?.plannedMinutes).toBe(1380);
  });

  it("refuses ranges past 92 days and ids it does not know, with a sentence", async () => {
    const api = await plant.caller();
    await expect(api.execution.oeeTrend({ from: "2026-01-01", to: "2026-06-30" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.execution.oeeTrend({ from: "2026-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 92 days"),
    });
    await expect(api.execution.oeeTrend({ from: "2026-06-10", to: "2026-06-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      api.execution.oeeTrend({ lineId: "00000000-0000-4000-8000-000000000000", from: "2026-06-10" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "This line does not exist in your plant." });
    await expect(
      api.execution.oeeTrend({ lineId: emptyLine, workCenterId: goldenWorkCenter, from: "2026-06-10" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("not part of the line") });
    // A line without work centers is a valid, empty chart.
    const empty = await api.execution.oeeTrend({ lineId: emptyLine, from: "2026-06-10", to: "2026-06-11" });
    expect(empty.points.map((point) => point.plannedMinutes)).toEqual([0, 0]);
  });

  it("is for managers: an operator is refused", async () => {
    const api = await plant.caller("OPERATOR");
    await expect(api.execution.oeeTrend({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("execution.losses waterfall", () => {
  it("walks the golden case from planned time to fully productive time", async () => {
    const api = await plant.caller();
    const losses = await api.execution.losses({ workCenterId: goldenWorkCenter, from: "2026-06-10", to: "2026-06-10" });
    expect(losses.waterfall.map((step) => [step.id, step.minutes, step.remainingMinutes])).toEqual([
      ["PLANNED_PRODUCTION_TIME", 480, 480],
      ["EQUIPMENT_FAILURE", 60, 420],
      ["SETUP_ADJUSTMENT", 0, 420],
      ["UNKNOWN", 0, 420],
      ["RUN_TIME", 420, 420],
      ["MINOR_STOPS", 0, 420],
      ["REDUCED_SPEED", 20, 400],
      ["NET_RUN_TIME", 400, 400],
      ["PROCESS_DEFECTS", 20, 380],
      ["STARTUP_REJECTS", 0, 380],
      ["FULLY_PRODUCTIVE_TIME", 380, 380],
    ]);
    expect(losses.summary.oee).toBeCloseTo(380 / 480, 10);
  });
});
