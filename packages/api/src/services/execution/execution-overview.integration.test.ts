import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { utcToZoned } from "@gemba/domain/calendar/zoned-time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createExecutionTestPlant,
  MINUTE,
  QUARTER,
  type TExecutionTestPlant,
  type TIntervalRow,
} from "./testing/execution-test-plant";

let db: TestDatabase;
let plant: TExecutionTestPlant;
let stoppedCell: string;

// The overview reads the real current time: the data sits just before it. A 24-hour shift that
// began on the quarter hour about two hours ago is always the site's current shift.
const now = Date.now();
const shiftStart = Math.floor((now - 2 * 60 * MINUTE) / QUARTER) * QUARTER;
const minutesAgo = (minutes: number) => new Date(Math.floor(now / MINUTE) * MINUTE - minutes * MINUTE);
const base = {
  scheduled: true,
  unclassified: false,
  microStop: false,
  reasonCode: null,
  lossCategory: null,
  shiftKey: null,
};

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createExecutionTestPlant(db, "Overview", "America/Chicago");
  await plant.addShift({
    name: "Day",
    startMinute: utcToZoned(shiftStart, "America/Chicago").minuteOfDay,
    durationMinutes: 1440,
  });
  const press = plant.fixture.workCenterId;
  stoppedCell = await plant.addWorkCenter("CELL");

  const down = (from: number, to: number, stopStart: number, facts: Partial<TIntervalRow> = {}): TIntervalRow => ({
    ...base,
    start: minutesAgo(from),
    end: minutesAgo(to),
    state: "DOWN",
    lossCategory: "EQUIPMENT_FAILURE",
    stopStart: minutesAgo(stopStart),
    ...facts,
  });
  await plant.insertIntervals(press, [
    down(180, 150, 180, { reasonCode: "JAM" }),
    // Running since 150 minutes ago, stored in two pieces (cut where a refresh began).
    { ...base, start: minutesAgo(150), end: minutesAgo(120), state: "RUNNING", stopStart: null },
    { ...base, start: minutesAgo(120), end: minutesAgo(1), state: "RUNNING", stopStart: null },
  ]);
  await plant.insertIntervals(stoppedCell, [
    { ...base, start: minutesAgo(90), end: minutesAgo(40), state: "RUNNING", stopStart: null },
    down(40, 30, 40, { unclassified: true }),
    {
      ...base,
      start: minutesAgo(30),
      end: minutesAgo(20),
      state: "PLANNED_STOP",
      reasonCode: "BREAK",
      scheduled: false,
      stopStart: null,
    },
    down(20, 1, 40, { unclassified: true }),
  ]);
  // The press since the shift began: a quarter hour down, a quarter hour running at 80 % speed.
  await plant.insertBuckets(press, [
    { bucketStart: new Date(shiftStart), plannedMs: QUARTER, equipmentFailureMs: QUARTER },
    {
      bucketStart: new Date(shiftStart + QUARTER),
      plannedMs: QUARTER,
      runMs: QUARTER,
      totalCount: 60,
      goodCount: 60,
      idealMs: 12 * MINUTE,
    },
    // Before the shift: not part of its OEE.
    { bucketStart: new Date(shiftStart - QUARTER), plannedMs: QUARTER, runMs: QUARTER, totalCount: 99, goodCount: 99 },
  ]);
  await plant.inTenant((tx) =>
    tx.productionOrder.update({
      where: { tenantId_id: { tenantId: plant.tenantId, id: plant.fixture.orderId } },
      data: { status: "IN_PROGRESS", startedAt: new Date(shiftStart) },
    }),
  );
});

afterAll(async () => {
  await db.drop();
});

describe("execution.overview", () => {
  it("shows each work center's live state since it began, its order, and the shift's OEE so far", async () => {
    const api = await plant.caller("OPERATOR");
    const overview = await api.execution.overview();
    expect(overview.lines).toHaveLength(1);
    const [line] = overview.lines;
    expect(line?.currentShift).toMatchObject({ name: "Day", start: new Date(shiftStart) });
    const press = line?.workCenters.find((tile) => tile.workCenterId === plant.fixture.workCenterId);
    expect(press?.live).toMatchObject({
      state: "RUNNING",
      since: minutesAgo(150),
      asOf: minutesAgo(1),
      reasonCode: null,
    });
    expect(press?.currentOrder).toMatchObject({ id: plant.fixture.orderId, quantity: 500, producedGood: 60 });
    expect(press?.currentOrder?.progress).toBeCloseTo(0.12, 10);
    expect(press?.shiftOee).toMatchObject({ plannedMinutes: 30, runMinutes: 15, totalCount: 60, goodCount: 60 });
    expect(press?.shiftOee?.availability).toBeCloseTo(0.5, 10);
    expect(press?.shiftOee?.performance).toBeCloseTo(0.8, 10);
    expect(press?.shiftOee?.oee).toBeCloseTo(0.4, 10);

    const cell = line?.workCenters.find((tile) => tile.workCenterId === stoppedCell);
    // Down since the stop began, across the break in between.
    expect(cell?.live).toMatchObject({ state: "DOWN", since: minutesAgo(40), unclassified: true, reasonLabel: null });
    expect(cell?.currentOrder).toBeNull();
    expect(cell?.shiftOee).toMatchObject({ plannedMinutes: 0, oee: null });
  });
});
