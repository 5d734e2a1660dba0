import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createExecutionTestPlant,
  QUARTER,
  quarterHours,
  type TExecutionTestPlant,
  type TIntervalRow,
} from "./testing/execution-test-plant";

let db: TestDatabase;
let plant: TExecutionTestPlant;
let workCenterId: string;

const at = (time: string) => new Date(`2026-06-10T${time}:00Z`);
const base = { scheduled: true, unclassified: false, microStop: false, reasonCode: null, lossCategory: null };
const running = (start: string, end: string, shiftKey: string): TIntervalRow => ({
  ...base,
  start: at(start),
  end: at(end),
  state: "RUNNING",
  stopStart: null,
  shiftKey,
});
const down = (start: string, end: string): TIntervalRow => ({
  ...base,
  start: at(start),
  end: at(end),
  state: "DOWN",
  reasonCode: "JAM",
  lossCategory: "EQUIPMENT_FAILURE",
  stopStart: at("12:00"),
  shiftKey: "2026-06-10|Early",
});

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createExecutionTestPlant(db, "Timeline", "America/Chicago");
  workCenterId = plant.fixture.workCenterId;
  await plant.insertIntervals(workCenterId, [
    // Cut at a shift change and at a refresh edge: still one bar (shifts are drawn from the calendar).
    running("10:00", "11:00", "2026-06-10|Night"),
    running("11:00", "11:15", "2026-06-10|Early"),
    running("11:15", "12:00", "2026-06-10|Early"),
    down("12:00", "12:20"),
    down("12:20", "12:30"),
    {
      ...base,
      start: at("12:30"),
      end: at("12:45"),
      state: "PLANNED_STOP",
      reasonCode: "BREAK",
      scheduled: false,
      stopStart: null,
      shiftKey: "2026-06-10|Early",
    },
    // The same stop after the break: a bar of its own, same stop start.
    down("12:45", "13:00"),
  ]);
  // 10 units a quarter hour from 10:00 to 13:00; planned time throughout.
  await plant.insertBuckets(
    workCenterId,
    quarterHours(at("10:00"), 12).map((bucketStart) => ({
      bucketStart,
      plannedMs: QUARTER,
      totalCount: 10,
      goodCount: 9,
    })),
  );
  // The fixture order (Bracket, ideal cycle 12 s) started at 10:30.
  await plant.inTenant((tx) =>
    tx.productionOrder.update({
      where: { tenantId_id: { tenantId: plant.tenantId, id: plant.fixture.orderId } },
      data: { status: "IN_PROGRESS", startedAt: at("10:30") },
    }),
  );
});

afterAll(async () => {
  await db.drop();
});

describe("execution.workCenterTimeline", () => {
  it("merges adjacent identical pieces and clips to the range", async () => {
    const api = await plant.caller("OPERATOR");
    const timeline = await api.execution.workCenterTimeline({
      workCenterId,
      from: at("10:30").toISOString(),
      to: at("13:00").toISOString(),
    });
    expect(
      timeline.intervals.map((interval) => [
        interval.start.toISOString().slice(11, 16),
        interval.end.toISOString().slice(11, 16),
        interval.state,
        interval.reasonLabel,
      ]),
    ).toEqual([
      ["10:30", "12:00", "RUNNING", null],
      ["12:00", "12:30", "DOWN", "Part jam"],
      ["12:30", "12:45", "PLANNED_STOP", "Scheduled break"],
      ["12:45", "13:00", "DOWN", "Part jam"],
    ]);
    expect(timeline.intervals[3]?.stopStart).toEqual(at("12:00"));
    expect(timeline.workCenter).toMatchObject({ name: "Press 1", timeZone: "America/Chicago" });
  });

  it("counts per local hour against the ideal-rate target of the order running then", async () => {
    const api = await plant.caller();
    const timeline = await api.execution.workCenterTimeline({
      workCenterId,
      from: at("10:00").toISOString(),
      to: at("13:00").toISOString(),
    });
    expect(
      timeline.hours.map((hour) => [
        hour.hourStart.toISOString().slice(11, 16),
        hour.totalCount,
        hour.goodCount,
        hour.targetCount,
      ]),
    ).toEqual([
      // Half of 10:00–11:00 ran before any order: no honest target.
      ["10:00", 40, 36, null],
      // 60 planned minutes at 12 s a unit.
      ["11:00", 40, 36, 300],
      ["12:00", 40, 36, 300],
    ]);
    expect(timeline.orders.map((order) => [order.id, order.product.name])).toEqual([
      [plant.fixture.orderId, "Bracket"],
    ]);
  });

  it("refuses unknown work centers and ranges over a week", async () => {
    const api = await plant.caller();
    await expect(
      api.execution.workCenterTimeline({ workCenterId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "This work center does not exist in your plant." });
    await expect(
      api.execution.workCenterTimeline({ workCenterId, from: "2026-06-01T00:00:00Z", to: "2026-06-10T00:00:00Z" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
