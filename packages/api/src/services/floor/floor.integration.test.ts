import { randomUUID } from "node:crypto";
import { createUserSession } from "@gemba/auth/sessions";
import { storeIngestBatch } from "@gemba/db/events/store-ingest-batch";
import type { Role } from "@gemba/db/generated/prisma/enums";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { QUEUES } from "@gemba/jobs/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";
import { createExecutionTestPlant, type TExecutionTestPlant } from "../execution/testing/execution-test-plant";
import { getFloorWorkCenter } from "./get-floor-work-center";
import { listFloorWorkCenters } from "./list-floor-work-centers";

let db: TestDatabase;
let plant: TExecutionTestPlant;
let platform: TestPlatform;
let workCenterId: string;
let quietWorkCenterId: string;

const at = (iso: string) => new Date(iso);
// 13:40 in Berlin: the local hour began at 12:00 UTC.
const NOW = Date.parse("2026-11-24T12:40:00Z");
const MIN = 60_000;
const FIRST_STOP = at("2026-11-24T12:10:00Z");
const SECOND_STOP = at("2026-11-24T12:32:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  platform = createTestPlatform();
  plant = await createExecutionTestPlant(db, "Floor", "Europe/Berlin");
  workCenterId = await plant.addWorkCenter("PRS");
  quietWorkCenterId = await plant.addWorkCenter("QUIET");
  await plant.inTenant(async (tx) => {
    const product = await tx.product.create({
      data: { tenantId: plant.tenantId, sku: "BRK-30", name: "Bracket", idealCycleTimeSeconds: 30 },
      select: { id: true },
    });
    await tx.productionOrder.create({
      data: {
        tenantId: plant.tenantId,
        externalId: "4711",
        productId: product.id,
        workCenterId,
        quantity: 400,
        status: "IN_PROGRESS",
        startedAt: at("2026-11-24T11:30:00Z"),
        dueAt: at("2026-11-25T12:00:00Z"),
      },
    });
  });
  await plant.insertBuckets(workCenterId, [
    // Before this hour: counts for the order, not for the hour.
    { bucketStart: at("2026-11-24T11:30:00Z"), plannedMs: 15 * MIN, totalCount: 30, goodCount: 30 },
    { bucketStart: at("2026-11-24T11:45:00Z"), plannedMs: 15 * MIN, totalCount: 30, goodCount: 28 },
    { bucketStart: at("2026-11-24T12:00:00Z"), plannedMs: 15 * MIN, totalCount: 25, goodCount: 24 },
    {
      bucketStart: at("2026-11-24T12:15:00Z"),
      plannedMs: 15 * MIN,
      totalCount: 25,
      goodCount: 24,
      unscheduledCount: 2,
    },
    { bucketStart: at("2026-11-24T12:30:00Z"), plannedMs: 10 * MIN, totalCount: 15, goodCount: 15 },
  ]);
  const stop = (start: string, end: string, state: "DOWN" | "IDLE", stopStart: Date) => ({
    start: at(start),
    end: at(end),
    state,
    scheduled: true,
    unclassified: true,
    lossCategory: "EQUIPMENT_FAILURE",
    stopStart,
  });
  await plant.insertIntervals(workCenterId, [
    // A stop two days ago: too old for the tablet's list.
    stop("2026-11-22T08:00:00Z", "2026-11-22T08:30:00Z", "DOWN", at("2026-11-22T08:00:00Z")),
    { start: at("2026-11-24T12:00:00Z"), end: FIRST_STOP, state: "RUNNING", scheduled: true },
    // The first stop is cut in two by a refresh edge: one stop of 15 minutes.
    stop("2026-11-24T12:10:00Z", "2026-11-24T12:20:00Z", "DOWN", FIRST_STOP),
    stop("2026-11-24T12:20:00Z", "2026-11-24T12:25:00Z", "DOWN", FIRST_STOP),
    { start: at("2026-11-24T12:25:00Z"), end: SECOND_STOP, state: "RUNNING", scheduled: true },
    stop("2026-11-24T12:32:00Z", "2026-11-24T12:40:00Z", "IDLE", SECOND_STOP),
  ]);
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

async function callerFor(role: Role = "OPERATOR") {
  const userId = plant.fixture.users[role].userId;
  const sessionId = await createUserSession(db.app.prisma, { userId });
  return createCaller({
    db: db.app.prisma,
    session: { sessionId, userId, activeTenantId: plant.tenantId },
    requestId: "floor-test",
    platform,
  });
}

const floorAt = (now: number) => plant.inTenant((tx) => getFloorWorkCenter(tx, workCenterId, now));

describe("the tablet's work center screen", () => {
  it("shows state since when, the order's progress, this hour against the ideal-rate target, and the stops waiting", async () => {
    const floor = await floorAt(NOW);
    expect(floor.live).toMatchObject({ state: "IDLE", since: SECOND_STOP, unclassified: true });
    // No shift calendar: planned around the clock.
    expect(floor).toMatchObject({ shift: null, calendarNow: "PRODUCTION" });
    expect(floor.currentOrder).toMatchObject({
      externalId: "4711",
      quantity: 400,
      // 30 + 28 + 24 + 24 + 15 good units since the order started at 11:30.
      producedGood: 121,
      producedTotal: 127,
      product: { sku: "BRK-30", idealCycleTimeSeconds: 30 },
    });
    expect(floor.currentOrder?.progress).toBeCloseTo(121 / 400, 6);
    expect(floor.thisHour).toMatchObject({
      hourStart: at("2026-11-24T12:00:00Z"),
      hourEnd: at("2026-11-24T13:00:00Z"),
      plannedMinutes: 40,
      // 40 planned minutes at one unit per 30 s.
      targetCount: 80,
      totalCount: 65,
      goodCount: 63,
      unscheduledCount: 2,
      idealPerHour: 120,
    });
    expect(floor.stops).toEqual([
      {
        stopStart: SECOND_STOP,
        lastEnd: at("2026-11-24T12:40:00Z"),
        state: "IDLE",
        durationMinutes: 8,
        ongoing: true,
        answer: null,
      },
      {
        stopStart: FIRST_STOP,
        lastEnd: at("2026-11-24T12:25:00Z"),
        state: "DOWN",
        durationMinutes: 15,
        ongoing: false,
        answer: null,
      },
    ]);
    expect(floor.lastAndon).toBeNull();
  });

  it("lists every work center to pick, with how many stops wait for a reason", async () => {
    const tiles = await plant.inTenant((tx) => listFloorWorkCenters(tx, NOW));
    const tile = tiles.find((candidate) => candidate.id === workCenterId);
    expect(tile).toMatchObject({ name: "PRS", state: { state: "IDLE", unclassified: true }, stopsAwaitingReason: 2 });
    expect(tiles.find((candidate) => candidate.id === quietWorkCenterId)).toMatchObject({
      state: null,
      stopsAwaitingReason: 0,
    });
  });

  it("offers the stop reasons only, grouped by category", async () => {
    const operator = await callerFor();
    const categories = await operator.floor.stopReasons();
    const codes = categories.flatMap((category) => category.reasons.map((reason) => reason.code));
    expect(codes).toContain("JAM");
    expect(codes).toContain("CHANGEOVER");
    expect(codes).not.toContain("DIMENSION");
    expect(codes).not.toContain("BREAK");
    expect(categories.map((category) => category.name)).not.toContain("Quality");
  });
});

describe("classifying a stop from the offline queue", () => {
  it("stores a classification replayed three times once, audits it once, and the tablet shows the answer", async () => {
    const operator = await callerFor();
    const idempotencyKey = randomUUID();
    const input = { workCenterId, stopStart: FIRST_STOP.toISOString(), reasonCode: "JAM", idempotencyKey };
    const results = [];
    for (let send = 0; send < 3; send += 1) results.push(await operator.downtime.classify(input));
    expect(results.map((result) => result.replayed)).toEqual([false, true, true]);
    expect(new Set(results.map((result) => result.classificationId)).size).toBe(1);

    const stored = await plant.inTenant(async (tx) => ({
      rows: await tx.downtimeClassification.count({ where: { idempotencyKey } }),
      audits: await tx.auditEntry.count({ where: { action: "downtime.classify", entityId: workCenterId } }),
    }));
    expect(stored).toEqual({ rows: 1, audits: 1 });

    const floor = await floorAt(NOW);
    expect(floor.stops.find((stop) => stop.stopStart.getTime() === FIRST_STOP.getTime())?.answer).toMatchObject({
      reasonCode: "JAM",
      reasonLabel: "Part jam",
    });
    const tiles = await plant.inTenant((tx) => listFloorWorkCenters(tx, NOW));
    expect(tiles.find((tile) => tile.id === workCenterId)?.stopsAwaitingReason).toBe(1);
  });

  it("stores one row when the same send arrives three times at once", async () => {
    const operator = await callerFor();
    const idempotencyKey = randomUUID();
    const input = {
      workCenterId,
      stopStart: SECOND_STOP.toISOString(),
      reasonCode: "MATERIAL_STARVED",
      idempotencyKey,
    };
    const results = await Promise.all([1, 2, 3].map(() => operator.downtime.classify(input)));
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(new Set(results.map((result) => result.classificationId)).size).toBe(1);
    const rows = await plant.inTenant((tx) => tx.downtimeClassification.count({ where: { idempotencyKey } }));
    expect(rows).toBe(1);
  });

  it("refuses a key that was used for another answer", async () => {
    const operator = await callerFor();
    const idempotencyKey = randomUUID();
    await operator.downtime.classify({
      workCenterId,
      stopStart: FIRST_STOP.toISOString(),
      reasonCode: "JAM",
      idempotencyKey,
    });
    await expect(
      operator.downtime.classify({
        workCenterId,
        stopStart: FIRST_STOP.toISOString(),
        reasonCode: "FAIL_MECH",
        idempotencyKey,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("the andon", () => {
  const ingestJobs = () => platform.queues.get(QUEUES.ingest).getJobs(["waiting", "delayed", "prioritized"]);

  it("is one event and one audit entry however often the tablet sends it, stored through the ingest queue", async () => {
    const operator = await callerFor();
    const idempotencyKey = randomUUID();
    const calledAt = new Date(Date.now() - 5 * MIN).toISOString();
    const input = { workCenterId, idempotencyKey, calledAt, note: "Coolant leak" };
    const first = await operator.floor.andon(input);
    const replays = await Promise.all([operator.floor.andon(input), operator.floor.andon(input)]);
    expect(first).toMatchObject({ replayed: false, calledAt: new Date(calledAt), note: "Coolant leak" });
    expect(replays.map((replay) => replay.replayed)).toEqual([true, true]);

    const jobs = (await ingestJobs()).filter((job) => job.id === `andon-${idempotencyKey}`);
    expect(jobs).toHaveLength(1);
    const job = jobs[0];
    if (!job?.id) throw new Error("no ingest job");
    // What the worker's ingest handler does, twice (a retried job): the event is stored once.
    const runs = [];
    for (let run = 0; run < 2; run += 1)
      runs.push(await storeIngestBatch(db.app.pool, { ...job.data, batchId: job.id }));
    expect(runs.map((run) => run.inserted.length)).toEqual([1, 0]);

    const stored = await plant.inTenant(async (tx) => ({
      events: await tx.event.findMany({
        where: { sourceId: "floor", dedupeKey: idempotencyKey },
        select: { kind: true, workCenterId: true, eventTime: true, payload: true },
      }),
      audits: await tx.auditEntry.count({ where: { action: "floor.andon", entityId: workCenterId } }),
    }));
    expect(stored.events).toEqual([
      {
        kind: "operator.activity",
        workCenterId,
        eventTime: new Date(calledAt),
        payload: { type: "ANDON_CALLED", note: "Coolant leak" },
      },
    ]);
    expect(stored.audits).toBe(1);

    const floor = await operator.floor.workCenter({ workCenterId });
    expect(floor.lastAndon).toEqual({ calledAt: new Date(calledAt), note: "Coolant leak" });
  });

  it("refuses a call that waited more than a day to be sent", async () => {
    const operator = await callerFor();
    await expect(
      operator.floor.andon({
        workCenterId,
        idempotencyKey: randomUUID(),
        calledAt: new Date(Date.now() - 25 * 60 * MIN).toISOString(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
