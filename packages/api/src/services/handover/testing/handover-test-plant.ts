import type { TestDatabase } from "@gemba/db/testing/test-database";
import {
  createExecutionTestPlant,
  MINUTE,
  QUARTER,
  quarterHours,
  type TExecutionTestPlant,
} from "../../execution/testing/execution-test-plant";

/** The Early shift of Monday 2 Nov 2026 at a Berlin site: 06:00–14:00 local, 05:00–13:00 UTC. */
export const SHIFT_START = Date.parse("2026-11-02T05:00:00Z");
export const SHIFT_END = Date.parse("2026-11-02T13:00:00Z");
const at = (time: string, day = "2026-11-02") => new Date(`${day}T${time}:00Z`);

export type THandoverTestPlant = TExecutionTestPlant & {
  pressId: string;
  lathe: string;
  lateOrderId: string;
  completedOrderId: string;
  urgentTaskId: string;
  decisionId: string;
};

/**
 * A plant with one shift (Early, every day) and, for the Early shift of 2 Nov 2026, hand-made data
 * with known answers:
 * - Line 1 (PRS) is the golden case of DESIGN.md: PPT 480, run 420, ideal 400, total 400, good 380;
 *   line 2 (LTH) ran perfectly: 480 planned and run, 480 made at the ideal pace, all good.
 *   Buckets just before (50 units) and just after (99) the shift must not count in its OEE.
 * - PRS stopped for a mechanical failure twice (40 + 15 min), twice without a reason (30 min, and
 *   20 min at the shift's end that goes on for 30 more after it: still down); one micro stop.
 *   LTH had a 15-minute changeover.
 * - An order late for its due date ran on PRS since the day before (100 good then, 50 just before
 *   the shift, 380 in it); an order on LTH finished an hour into the shift after its due time (60 good).
 * - Open: an urgent task at PRS due during the shift, a plant-wide task; one task done.
 * - One decision during the shift, one after it.
 */
export async function createHandoverTestPlant(db: TestDatabase, label: string): Promise<THandoverTestPlant> {
  const plant = await createExecutionTestPlant(db, label, "Europe/Berlin");
  const { tenantId, fixture } = plant;
  await plant.addShift({ name: "Early", startMinute: 6 * 60, durationMinutes: 8 * 60 });
  const lineTwo = await plant.addLine("L2");
  const pressId = await plant.addWorkCenter("PRS");
  const lathe = await plant.addWorkCenter("LTH", lineTwo);

  const shiftQuarters = quarterHours(new Date(SHIFT_START), 32);
  await plant.insertBuckets(pressId, [
    ...shiftQuarters.map((bucketStart, index) => ({
      bucketStart,
      plannedMs: QUARTER,
      runMs: 787_500,
      equipmentFailureMs: 112_500,
      ...(index === 0 ? { totalCount: 400, goodCount: 380, idealMs: 400 * MINUTE } : {}),
    })),
    { bucketStart: at("10:00", "2026-11-01"), plannedMs: QUARTER, runMs: QUARTER, totalCount: 100, goodCount: 100 },
    { bucketStart: at("04:45"), plannedMs: QUARTER, runMs: QUARTER, totalCount: 50, goodCount: 50 },
    { bucketStart: at("13:00"), plannedMs: QUARTER, runMs: QUARTER, totalCount: 99, goodCount: 99 },
  ]);
  await plant.insertBuckets(
    lathe,
    shiftQuarters.map((bucketStart) => ({
      bucketStart,
      plannedMs: QUARTER,
      runMs: QUARTER,
      idealMs: QUARTER,
      totalCount: 15,
      goodCount: 15,
    })),
  );

  const down = (from: string, to: string, extra: Record<string, unknown> = {}) => ({
    start: at(from),
    end: at(to),
    state: "DOWN" as const,
    scheduled: true,
    stopStart: at(from),
    ...extra,
  });
  await plant.insertIntervals(pressId, [
    { start: at("05:00"), end: at("05:50"), state: "RUNNING", scheduled: true },
    down("05:50", "06:30", { reasonCode: "FAIL_MECH", lossCategory: "EQUIPMENT_FAILURE" }),
    down("07:00", "07:15", { reasonCode: "FAIL_MECH", lossCategory: "EQUIPMENT_FAILURE" }),
    down("08:00", "08:30", { unclassified: true }),
    down("09:00", "09:01", { microStop: true, lossCategory: "MINOR_STOPS" }),
    down("12:40", "13:00", { unclassified: true }),
    { ...down("13:00", "13:30", { unclassified: true }), scheduled: false, stopStart: at("12:40") },
    // A day earlier: neither in the shift's downtimes nor among its open unclassified stops.
    {
      ...down("08:00", "08:20", { unclassified: true }),
      start: at("08:00", "2026-11-01"),
      end: at("08:20", "2026-11-01"),
      stopStart: at("08:00", "2026-11-01"),
    },
  ]);
  await plant.insertIntervals(lathe, [
    {
      start: at("05:00"),
      end: at("05:15"),
      state: "PLANNED_STOP",
      scheduled: true,
      reasonCode: "CHANGEOVER",
      lossCategory: "SETUP_ADJUSTMENT",
      stopStart: at("05:00"),
    },
  ]);

  const ids = await plant.inTenant(async (tx) => {
    const order = (data: {
      externalId: string;
      workCenterId: string;
      status: "RELEASED" | "IN_PROGRESS" | "COMPLETED";
      quantity: number;
      dueAt: Date;
      startedAt?: Date;
      completedAt?: Date;
    }) =>
      tx.productionOrder.create({
        data: { tenantId, productId: fixture.productId, ...data, externalId: `${data.externalId}-${label}` },
        select: { id: true },
      });
    const late = await order({
      externalId: "4711",
      workCenterId: pressId,
      status: "IN_PROGRESS",
      quantity: 1000,
      dueAt: at("12:00", "2026-11-10"),
      startedAt: at("09:00", "2026-11-01"),
    });
    const completed = await order({
      externalId: "4712",
      workCenterId: lathe,
      status: "COMPLETED",
      quantity: 500,
      dueAt: at("05:30"),
      startedAt: at("04:00"),
      completedAt: at("06:00"),
    });
    await order({
      externalId: "4713",
      workCenterId: lathe,
      status: "COMPLETED",
      quantity: 50,
      dueAt: at("05:30"),
      startedAt: at("02:00"),
      completedAt: at("04:30"),
    });
    await order({
      externalId: "4714",
      workCenterId: pressId,
      status: "RELEASED",
      quantity: 50,
      dueAt: at("05:30", "2026-12-01"),
    });

    const urgent = await tx.task.create({
      data: {
        tenantId,
        title: "Replace the pump seal",
        priority: "URGENT",
        workCenterId: pressId,
        dueAt: at("06:00"),
        source: "manual",
      },
      select: { id: true },
    });
    await tx.task.create({ data: { tenantId, title: "Refill the coolant store", source: "manual" } });
    await tx.task.create({ data: { tenantId, title: "Sweep the bay", status: "DONE", source: "manual" } });

    const decision = await tx.decision.create({
      data: {
        tenantId,
        title: "Run order 4711 at reduced speed",
        rationale: "Pump leaks above 80 %",
        expectedOutcome: "No further stops",
        workCenterId: pressId,
        decidedById: fixture.users.OPERATOR.userId,
        decidedAt: at("07:30"),
      },
      select: { id: true },
    });
    await tx.decision.create({
      data: {
        tenantId,
        title: "Decided after the shift",
        rationale: "-",
        expectedOutcome: "-",
        decidedById: fixture.users.MANAGER.userId,
        decidedAt: at("13:30"),
      },
    });
    return { lateOrderId: late.id, completedOrderId: completed.id, urgentTaskId: urgent.id, decisionId: decision.id };
  });
  return { ...plant, pressId, lathe, ...ids };
}
