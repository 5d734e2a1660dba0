import { describe, expect, it } from "vitest";
import { emptyOeeComponents, type TOeeComponents } from "../execution/oee";
import { buildHandoverSummary, HANDOVER_LIMITS, type THandoverSources } from "./build-handover-summary";
import { ZHandoverSummary } from "./handover-summary";

const MIN = 60_000;
// Early shift of Monday 2026-11-16 at a Berlin site: 06:00–14:00 local = 05:00–13:00 UTC.
const SHIFT = {
  key: "2026-11-16|Early",
  name: "Early",
  start: Date.parse("2026-11-16T05:00:00Z"),
  end: Date.parse("2026-11-16T13:00:00Z"),
};
const SITE = { id: "5e1f0c3a-2b7d-4c1e-9a0b-000000000001", name: "Main Site", timeZone: "Europe/Berlin" };
const uuid = (n: number) => `5e1f0c3a-2b7d-4c1e-9a0b-${String(n).padStart(12, "0")}`;

function components(parts: Partial<TOeeComponents> & { failureMin?: number }): TOeeComponents {
  const { failureMin = 0, ...rest } = parts;
  const base = emptyOeeComponents();
  const merged = { ...base, ...rest, lossMs: { ...base.lossMs, EQUIPMENT_FAILURE: failureMin * MIN } };
  const reduced = merged.runMs - merged.idealMs - merged.lossMs.MINOR_STOPS;
  return { ...merged, reducedSpeedRawMs: reduced, lossMs: { ...merged.lossMs, REDUCED_SPEED: Math.max(0, reduced) } };
}

function sources(overrides: Partial<THandoverSources> = {}): THandoverSources {
  return {
    site: SITE,
    shift: SHIFT,
    now: SHIFT.end + 5 * MIN,
    // The golden case of DESIGN.md split over two lines: PPT 480, run 420, ideal 400, total 400, good 380.
    lines: [
      {
        lineId: uuid(12),
        code: "L2",
        name: "Line 2",
        components: components({
          plannedMs: 320 * MIN,
          runMs: 300 * MIN,
          failureMin: 20,
          idealMs: 290 * MIN,
          totalCount: 290,
          goodCount: 280,
        }),
      },
      {
        lineId: uuid(11),
        code: "L1",
        name: "Line 1",
        components: components({
          plannedMs: 160 * MIN,
          runMs: 120 * MIN,
          failureMin: 40,
          idealMs: 110 * MIN,
          totalCount: 110,
          goodCount: 100,
        }),
      },
    ],
    downtimes: [],
    orders: [],
    openTasks: [],
    decisions: [],
    unclassified: [],
    ...overrides,
  };
}

describe("buildHandoverSummary — OEE", () => {
  it("sums the lines' components for the site (the golden case), never averaging their OEEs", () => {
    const summary = buildHandoverSummary(sources());
    const site = summary.oee.site;
    expect(site.plannedMinutes).toBe(480);
    expect(site.runMinutes).toBe(420);
    expect(site.availability).toBeCloseTo(0.875, 6);
    expect(site.performance).toBeCloseTo(400 / 420, 6);
    expect(site.quality).toBeCloseTo(0.95, 6);
    expect(site.oee).toBeCloseTo(0.7917, 4);
    expect(site.lossMinutes).toEqual({
      EQUIPMENT_FAILURE: 60,
      SETUP_ADJUSTMENT: 0,
      UNKNOWN: 0,
      MINOR_STOPS: 0,
      REDUCED_SPEED: 20,
      PROCESS_DEFECTS: 0,
      STARTUP_REJECTS: 0,
    });
    // An average of the two lines' OEEs would differ from the sum.
    const [first, second] = summary.oee.lines;
    expect(((first?.oee ?? 0) + (second?.oee ?? 0)) / 2).not.toBeCloseTo(site.oee ?? 0, 4);
  });

  it("lists lines by code, each with its own figures", () => {
    const summary = buildHandoverSummary(sources());
    expect(summary.oee.lines.map((line) => line.code)).toEqual(["L1", "L2"]);
    expect(summary.oee.lines[0]).toMatchObject({ plannedMinutes: 160, runMinutes: 120, goodCount: 100 });
    expect(summary.oee.lines[0]?.availability).toBeCloseTo(120 / 160, 6);
    expect(summary.oee.lines[0]?.oee).toBeCloseTo(100 / 160, 6);
  });

  it("gives no OEE without planned time, and 0 % for planned time lost to one breakdown", () => {
    const summary = buildHandoverSummary(
      sources({
        lines: [
          { lineId: uuid(1), code: "A", name: "Idle line", components: emptyOeeComponents() },
          {
            lineId: uuid(2),
            code: "B",
            name: "Broken line",
            components: components({ plannedMs: 60 * MIN, failureMin: 60 }),
          },
        ],
      }),
    );
    expect(summary.oee.lines[0]?.oee).toBeNull();
    expect(summary.oee.lines[1]?.oee).toBe(0);
  });

  it("covers the shift up to its end, or up to the drafting time while it still runs", () => {
    expect(buildHandoverSummary(sources()).coveredUntil).toBe(new Date(SHIFT.end).toISOString());
    const running = buildHandoverSummary(sources({ now: SHIFT.start + 90 * MIN }));
    expect(running.coveredUntil).toBe("2026-11-16T06:30:00.000Z");
    expect(running.draftedAt).toBe("2026-11-16T06:30:00.000Z");
  });
});

describe("buildHandoverSummary — lists", () => {
  const stop = (code: string, reason: string | null, unclassified: boolean, minutes: number) => ({
    workCenterId: uuid(code.length),
    workCenterCode: code,
    workCenterName: `Press ${code}`,
    reasonCode: reason,
    reasonLabel: reason === "MECH" ? "Mechanical failure" : null,
    unclassified,
    stopMs: minutes * MIN,
    stops: 2,
  });

  it("keeps the longest downtimes with readable reasons", () => {
    const summary = buildHandoverSummary(
      sources({
        downtimes: [
          stop("P1", "MECH", false, 12),
          stop("P2", null, true, 40),
          stop("P3", null, false, 3),
          stop("P4", "ODD", false, 25),
          stop("P5", "MECH", false, 8),
          stop("P6", "MECH", false, 5),
          stop("P7", "MECH", false, 0),
        ],
      }),
    );
    expect(summary.topDowntimes).toHaveLength(HANDOVER_LIMITS.downtimes);
    expect(summary.topDowntimes.map((row) => [row.workCenterCode, row.reasonLabel, row.minutes])).toEqual([
      ["P2", "Unclassified", 40],
      ["P4", "ODD", 25],
      ["P1", "Mechanical failure", 12],
      ["P5", "Mechanical failure", 8],
      ["P6", "Mechanical failure", 5],
    ]);
    expect(summary.topDowntimes[0]).toMatchObject({ reasonCode: null, unclassified: true, count: 2 });
  });

  it("names stops reported without a reason", () => {
    const summary = buildHandoverSummary(sources({ downtimes: [stop("P3", null, false, 3)] }));
    expect(summary.topDowntimes[0]?.reasonLabel).toBe("No reason given");
  });

  it("shows orders that made something in the shift, late and at-risk ones first", () => {
    const order = (externalId: string, inShift: number, flags: { atRisk?: boolean; late?: boolean } = {}) => ({
      orderId: uuid(Number(externalId)),
      externalId,
      productName: "Bracket",
      workCenterCode: "P1",
      status: "IN_PROGRESS",
      quantity: 500,
      producedGoodInShift: inShift,
      producedTotalInShift: inShift,
      producedGood: 250,
      progress: 0.5,
      dueAt: new Date(SHIFT.end + Number(externalId) * MIN),
      atRisk: flags.atRisk ?? false,
      late: flags.late ?? false,
    });
    const summary = buildHandoverSummary(
      sources({
        orders: [order("1", 10), order("2", 0), order("3", 5, { atRisk: true }), order("4", 1, { late: true })],
      }),
    );
    expect(summary.orders.map((row) => row.externalId)).toEqual(["4", "3", "1"]);
    expect(summary.orders[2]).toMatchObject({ producedGoodInShift: 10, progress: 0.5 });
    expect(summary.orders[2]?.dueAt).toBe(new Date(SHIFT.end + MIN).toISOString());
  });

  it("counts open tasks and puts the urgent and soonest due on top", () => {
    const task = (n: number, priority: "LOW" | "NORMAL" | "HIGH" | "URGENT", dueInMin: number | null) => ({
      taskId: uuid(n),
      title: `Task ${n}`,
      priority,
      dueAt: dueInMin === null ? null : new Date(SHIFT.end + dueInMin * MIN),
      workCenterCode: null,
      createdAt: new Date(SHIFT.start + n * MIN),
    });
    const summary = buildHandoverSummary(
      sources({
        openTasks: [
          task(1, "LOW", -60),
          task(2, "URGENT", null),
          task(3, "HIGH", 120),
          task(4, "URGENT", 30),
          task(5, "NORMAL", -10),
          task(6, "NORMAL", null),
          task(7, "HIGH", 60),
        ],
      }),
    );
    expect(summary.tasks).toMatchObject({ openCount: 7, urgentCount: 2, overdueCount: 2 });
    expect(summary.tasks.top.map((row) => row.title)).toEqual(["Task 4", "Task 2", "Task 7", "Task 3", "Task 5"]);
    expect(summary.tasks.top[4]).toMatchObject({ overdue: true });
  });

  it("keeps decisions in the order they were taken and the longest unclassified stops first", () => {
    const summary = buildHandoverSummary(
      sources({
        decisions: [
          {
            decisionId: uuid(2),
            title: "Second",
            decidedAt: new Date(SHIFT.start + 60 * MIN),
            decidedBy: "Ann",
            workCenterCode: null,
          },
          {
            decisionId: uuid(1),
            title: "First",
            decidedAt: new Date(SHIFT.start + 10 * MIN),
            decidedBy: "Bo",
            workCenterCode: "P1",
          },
        ],
        unclassified: [
          {
            workCenterId: uuid(1),
            workCenterCode: "P1",
            workCenterName: "Press 1",
            since: new Date(SHIFT.start),
            stopMs: 4 * MIN,
            ongoing: false,
          },
          {
            workCenterId: uuid(2),
            workCenterCode: "P2",
            workCenterName: "Press 2",
            since: new Date(SHIFT.end - 30 * MIN),
            stopMs: 30.04 * MIN,
            ongoing: true,
          },
        ],
      }),
    );
    expect(summary.decisions.map((row) => row.title)).toEqual(["First", "Second"]);
    expect(summary.unclassifiedDowntimes.map((row) => [row.workCenterCode, row.minutes, row.ongoing])).toEqual([
      ["P2", 30, true],
      ["P1", 4, false],
    ]);
  });

  it("is what the stored JSON reads back as", () => {
    const summary = buildHandoverSummary(sources({ downtimes: [stop("P1", "MECH", false, 12)] }));
    expect(ZHandoverSummary.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });
});
