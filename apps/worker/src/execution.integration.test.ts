import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { liveChannel, type TLiveMessage, ZLiveMessage } from "@gemba/jobs/live-bus";
import { enqueue } from "@gemba/jobs/queue";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker, waitUntil } from "./testing/test-worker";

let db: TestDatabase;
let plant: TenantFixture;
let harness: TestWorker;
/** A work center of its own: the fixture's has an event of its own at creation time. */
let workCenterId: string;
let subscriber: Redis;
const messages: TLiveMessage[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Live execution");
  ({ id: workCenterId } = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
    tx.workCenter.create({
      data: { tenantId: plant.tenantId, lineId: plant.lineId, code: "PRS-9", name: "Press 9", sequence: 9 },
      select: { id: true },
    }),
  ));
  harness = await startTestWorker(db.app);
  subscriber = harness.connection.duplicate();
  await subscriber.subscribe(liveChannel(plant.tenantId));
  subscriber.on("message", (_channel, text) => messages.push(ZLiveMessage.parse(JSON.parse(text))));
});

afterAll(async () => {
  subscriber.disconnect();
  await harness.stop();
  await db.drop();
});

const item = (kind: string, eventTime: Date, dedupeKey: string, payload: unknown) => ({
  kind,
  workCenterId,
  eventTime: eventTime.toISOString(),
  sourceId: "line-plc",
  dedupeKey,
  payload,
});

describe("ingest → timeline and OEE buckets → live", () => {
  it("derives the work center's state and counts from new events and announces the state within a second", async () => {
    const now = Date.now();
    const stopAt = new Date(now - 4 * 60_000);
    const items = [
      item("machine.state", new Date(now - 20 * 60_000), "s1", { state: "RUNNING" }),
      ...Array.from({ length: 15 }, (_, n) =>
        item("production.count", new Date(now - (19 - n) * 60_000), `c${n}`, { total: 2, good: 2 }),
      ),
      item("machine.state", stopAt, "s2", { state: "DOWN" }),
    ];
    const sentAt = Date.now();
    await enqueueIngestBatch(harness.worker.queues, {
      tenantId: plant.tenantId,
      connectorId: null,
      sourceId: "line-plc",
      items,
    });
    await waitUntil(
      async () => messages.some((message) => message.type === "execution"),
      10_000,
      "a live execution message",
    );
    const announced = messages.find((message) => message.type === "execution");

    // Ingest, re-derivation and publish well inside the one-second live budget (plus the coalescing delay).
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(announced?.type === "execution" && announced.execution).toMatchObject({
      workCenterId,
      state: "DOWN",
      since: stopAt.toISOString(),
      unclassified: true,
    });

    const stored = await withTenant(db.app.prisma, plant.tenantId, async (tx) => ({
      intervals: await tx.stateInterval.findMany({
        where: { workCenterId },
        orderBy: { start: "asc" },
      }),
      counted: await tx.workCenterBucket.aggregate({
        where: { workCenterId },
        _sum: { totalCount: true },
      }),
    }));
    expect(stored.intervals.map((interval) => interval.state)).toContain("RUNNING");
    expect(stored.intervals.at(-1)).toMatchObject({ state: "DOWN", unclassified: true });
    expect(stored.counted._sum.totalCount).toBe(30);
  });

  it("moves a silent machine's timeline forward on the minute tick", async () => {
    const before = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.stateInterval.aggregate({ where: { workCenterId }, _max: { end: true } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await enqueue(harness.worker.queues, "execution.tick", {});
    await waitUntil(
      async () => {
        const after = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
          tx.stateInterval.aggregate({ where: { workCenterId }, _max: { end: true } }),
        );
        return (after._max.end?.getTime() ?? 0) > (before._max.end?.getTime() ?? 0);
      },
      10_000,
      "the timeline to reach the new now",
    );
  });
});
