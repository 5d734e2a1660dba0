import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TOeeTrendPoint } from "./get-oee-trend";
import {
  createExecutionTestPlant,
  MINUTE,
  QUARTER,
  quarterHours,
  type TBucketRow,
  type TExecutionTestPlant,
} from "./testing/execution-test-plant";

const HOUR = 60 * MINUTE;

let db: TestDatabase;
let plant: TExecutionTestPlant;
let workCenterId: string;

/**
 * A planned quarter hour in every bucket between two instants, with numbers that differ from
 * bucket to bucket (every tenth down, a scrapped unit now and then), so sums and ratios of sums
 * can be told apart from averages.
 */
function everyQuarterHour(fromIso: string, toIso: string): TBucketRow[] {
  const count = (Date.parse(toIso) - Date.parse(fromIso)) / QUARTER;
  return quarterHours(fromIso, count).map((bucketStart, index) => {
    if (index % 10 === 0) return { bucketStart, plannedMs: QUARTER, equipmentFailureMs: QUARTER };
    const total = 2 + (index % 3);
    return {
      bucketStart,
      plannedMs: QUARTER,
      runMs: QUARTER,
      totalCount: total,
      goodCount: index % 7 === 0 ? total - 1 : total,
      idealMs: total * 4 * MINUTE,
    };
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createExecutionTestPlant(db, "Weeks", "America/Chicago");
  workCenterId = await plant.addWorkCenter("WEEK");
  // Chicago local midnights: Monday 23 February (06:00Z, CST) to Monday 16 March (05:00Z, CDT),
  // three ISO weeks with the spring-forward Sunday (8 March) in 2026-W10; and 2026-W44, Monday
  // 26 October (05:00Z, CDT) to Monday 2 November (06:00Z, CST), with the fall-back Sunday.
  await plant.insertBuckets(workCenterId, [
    ...everyQuarterHour("2026-02-23T06:00:00Z", "2026-03-16T05:00:00Z"),
    ...everyQuarterHour("2026-10-26T05:00:00Z", "2026-11-02T06:00:00Z"),
  ]);
});

afterAll(async () => {
  await db.drop();
});

/** What a point would show for the sum of these points' inputs: Σ first, divided last. */
function summed(points: readonly TOeeTrendPoint[]) {
  const sum = (pick: (point: TOeeTrendPoint) => number) => points.reduce((total, point) => total + pick(point), 0);
  const planned = sum((point) => point.plannedMinutes);
  const run = sum((point) => point.runMinutes);
  const ideal = sum((point) => point.idealMinutes);
  const total = sum((point) => point.totalCount);
  const good = sum((point) => point.goodCount);
  return {
    plannedMinutes: planned,
    runMinutes: run,
    idealMinutes: ideal,
    totalCount: total,
    goodCount: good,
    oee: (run / planned) * (ideal / run) * (good / total),
  };
}

const hoursOf = (point: TOeeTrendPoint | undefined) =>
  ((point?.end.getTime() ?? 0) - (point?.start.getTime() ?? 0)) / HOUR;

describe("execution.oeeTrend by week", () => {
  it("sums ISO weeks of the site's days: 168 hours, 167 in the spring-forward week", async () => {
    const api = await plant.caller();
    const input = { workCenterId, from: "2026-02-23", to: "2026-03-15" };
    const weeks = await api.execution.oeeTrend({ ...input, granularity: "week" });
    expect(weeks.granularity).toBe("week");
    expect(
      weeks.points.map((point) => [point.key, point.week, point.date, point.lastDate, point.partial, hoursOf(point)]),
    ).toEqual([
      ["2026-W09", "2026-W09", "2026-02-23", "2026-03-01", false, 168],
      ["2026-W10", "2026-W10", "2026-03-02", "2026-03-08", false, 167],
      ["2026-W11", "2026-W11", "2026-03-09", "2026-03-15", false, 168],
    ]);
    // Every quarter hour planned: the planned time is the week's length at the site, so the
    // buckets of 23:00–24:00 local on Sundays (05:00Z/06:00Z on Mondays) landed in the right week.
    expect(weeks.points.map((point) => point.plannedMinutes)).toEqual([168 * 60, 167 * 60, 168 * 60]);
    expect(weeks.points[0]?.start).toEqual(new Date("2026-02-23T06:00:00Z"));
    expect(weeks.points[2]?.end).toEqual(new Date("2026-03-16T05:00:00Z"));

    const days = await api.execution.oeeTrend({ ...input, granularity: "day" });
    for (const week of weeks.points) {
      const ofWeek = days.points.filter((day) => day.date >= week.date && day.date <= week.lastDate);
      expect(ofWeek).toHaveLength(7);
      const expected = summed(ofWeek);
      expect(week).toMatchObject({
        plannedMinutes: expected.plannedMinutes,
        runMinutes: expected.runMinutes,
        totalCount: expected.totalCount,
        goodCount: expected.goodCount,
      });
      expect(week.idealMinutes).toBeCloseTo(expected.idealMinutes, 9);
      expect(week.oee).toBeCloseTo(expected.oee, 12);
    }
  });

  it("gives the fall-back week 169 hours", async () => {
    const api = await plant.caller();
    const weeks = await api.execution.oeeTrend({
      workCenterId,
      from: "2026-10-26",
      to: "2026-11-01",
      granularity: "week",
    });
    expect(weeks.points).toHaveLength(1);
    const [week] = weeks.points;
    expect(week).toMatchObject({ key: "2026-W44", partial: false, plannedMinutes: 169 * 60 });
    expect(hoursOf(week)).toBe(169);
  });

  it("clips the weeks the range cuts and marks them partial", async () => {
    const api = await plant.caller();
    // Thursday 5 March to Tuesday 10 March: W10 from Thursday (with the 23-hour Sunday), W11 two days.
    const input = { workCenterId, from: "2026-03-05", to: "2026-03-10" };
    const weeks = await api.execution.oeeTrend({ ...input, granularity: "week" });
    expect(weeks.points.map((point) => [point.key, point.date, point.lastDate, point.partial, hoursOf(point)])).toEqual(
      [
        ["2026-W10", "2026-03-05", "2026-03-08", true, 4 * 24 - 1],
        ["2026-W11", "2026-03-09", "2026-03-10", true, 48],
      ],
    );
    const days = await api.execution.oeeTrend(input);
    const all = summed(days.points);
    expect(weeks.points.reduce((total, point) => total + point.plannedMinutes, 0)).toBe(all.plannedMinutes);
    expect(weeks.points.reduce((total, point) => total + point.goodCount, 0)).toBe(all.goodCount);
    const firstWeek = summed(days.points.filter((day) => day.date <= "2026-03-08"));
    expect(weeks.points[0]?.oee).toBeCloseTo(firstWeek.oee, 12);
  });

  it("lists weeks without data with zeros, and days and shifts are never partial", async () => {
    const api = await plant.caller();
    const weeks = await api.execution.oeeTrend({
      workCenterId,
      from: "2026-04-06",
      to: "2026-04-19",
      granularity: "week",
    });
    expect(weeks.points.map((point) => [point.key, point.plannedMinutes, point.oee])).toEqual([
      ["2026-W15", 0, null],
      ["2026-W16", 0, null],
    ]);
    const days = await api.execution.oeeTrend({ workCenterId, from: "2026-03-08", to: "2026-03-08" });
    expect(days.points[0]).toMatchObject({ week: null, partial: false, lastDate: "2026-03-08" });
  });

  it("keeps the 92-day limit for weeks", async () => {
    const api = await plant.caller();
    await expect(
      api.execution.oeeTrend({ from: "2026-01-01", to: "2026-06-30", granularity: "week" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const quarter = await api.execution.oeeTrend({
      workCenterId,
      from: "2026-01-01",
      to: "2026-04-02",
      granularity: "week",
    });
    // Thursday 1 January to Thursday 2 April: 12 whole weeks and a partial one at each end.
    expect(quarter.points).toHaveLength(14);
    expect(quarter.points.filter((point) => point.partial).map((point) => point.key)).toEqual(["2026-W01", "2026-W14"]);
  });

  it("exports weeks with their dates and whether the range cut them", async () => {
    const api = await plant.caller();
    const { fileName, csv } = await api.execution.export({
      table: "oeeTrend",
      workCenterId,
      from: "2026-03-05",
      to: "2026-03-15",
      granularity: "week",
    });
    expect(fileName).toBe("oee-by-week_2026-03-05_2026-03-15.csv");
    const [header, first, second] = csv.split("\r\n");
    expect(header).toBe(
      "Week,First date,Last date,Partial week,Start,End,Planned minutes,Run minutes,Ideal minutes,Total count," +
        "Good count,Availability,Performance,Quality,OEE",
    );
    expect(
      first?.startsWith("2026-W10,2026-03-05,2026-03-08,true,2026-03-05T06:00:00.000Z,2026-03-09T05:00:00.000Z,"),
    ).toBe(true);
    expect(second?.startsWith("2026-W11,2026-03-09,2026-03-15,false,")).toBe(true);
  });
});
