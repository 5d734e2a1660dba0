import { randomUUID } from "node:crypto";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { QUEUES } from "@gemba/jobs/constants";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { liveChannel, ZLiveMessage } from "@gemba/jobs/live-bus";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "./start-worker";
import { startTestWorker, type TestWorker, waitUntil } from "./testing/test-worker";

let db: TestDatabase;
let plant: TenantFixture;
let other: TenantFixture;
let workCenterIds: string[];
let harness: TestWorker;
let connection: Redis;
let worker: RunningWorker;

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Ingest");
  other = await createTenantFixture(db, "Other");
  const extra = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
    Promise.all(
      Array.from({ length: 9 }, (_, n) =>
        tx.workCenter.create({
          data: {
            tenantId: plant.tenantId,
            lineId: plant.lineId,
            code: `WC-${n}`,
            name: `Cell ${n}`,
            sequence: n + 2,
          },
          select: { id: true },
        }),
      ),
    ),
  );
  workCenterIds = [plant.workCenterId, ...extra.map((wc) => wc.id)];
  harness = await startTestWorker(db.app);
  ({ connection, worker } = harness);
});

afterAll(async () => {
  await harness.stop();
  await db.drop();
});

function waitForIdleQueue(timeoutMs = 120_000): Promise<void> {
  const queue = worker.queues.get(QUEUES.ingest);
  return waitUntil(
    async () => {
      const counts = await queue.getJobCounts("wait", "active", "delayed", "prioritized", "failed");
      if (counts.failed) throw new Error(`${counts.failed} ingest jobs failed`);
      return !counts.wait && !counts.active && !counts.delayed && !counts.prioritized;
    },
    timeoutMs,
    "the ingest queue to drain",
  );
}

function countEvent(n: number, sourceId: string) {
  return {
    kind: "production.count",
    workCenterId: workCenterIds[n % workCenterIds.length],
    eventTime: new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString(),
    sourceId,
    dedupeKey: `count-${n}`,
    payload: { total: 5, good: 4 + (n % 2) },
  };
}

const storedCount = (sourceId: string) =>
  withTenant(db.app.prisma, plant.tenantId, (tx) => tx.event.count({ where: { sourceId } }));

describe("ingest pipeline (queue → worker → Postgres → live bus)", () => {
  it("stores 50,000 events exactly once when sent twice with 10 % duplicates and 5 % out of order", async () => {
    const sourceId = `replay-${randomUUID()}`;
    const events = Array.from({ length: 50_000 }, (_, n) => countEvent(n, sourceId));
    const delivery: unknown[] = [...events];
    // 10 % duplicates scattered through the stream.
    for (let n = 0; n < 5_000; n += 1)
      delivery.splice((n * 7919) % delivery.length, 0, events[(n * 104_729) % events.length]);
    // 5 % out of order: swap pairs far apart in time.
    for (let n = 0; n < delivery.length * 0.025; n += 1) {
      const a = (n * 15_485_863) % delivery.length;
      const b = (n * 32_452_843 + 17) % delivery.length;
      [delivery[a], delivery[b]] = [delivery[b], delivery[a]];
    }
    for (let pass = 0; pass < 2; pass += 1) {
      for (let start = 0; start < delivery.length; start += 5_000) {
        await enqueueIngestBatch(worker.queues, {
          tenantId: plant.tenantId,
          connectorId: null,
          sourceId,
          items: delivery.slice(start, start + 5_000),
        });
      }
    }
    await waitForIdleQueue();
    expect(await storedCount(sourceId)).toBe(50_000);
    const distinct = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.event.groupBy({
        by: ["dedupeKey"],
        where: { sourceId },
        _count: true,
        having: { dedupeKey: { _count: { gt: 1 } } },
      }),
    );
    expect(distinct).toEqual([]);
  });

  it("dead-letters a poison item with its reason and keeps every valid event of the same batch", async () => {
    const sourceId = `poison-${randomUUID()}`;
    const items: unknown[] = [
      countEvent(1, sourceId),
      "not even an object",
      { ...countEvent(2, sourceId), payload: { total: 1, good: 3 } },
      { ...countEvent(3, sourceId), workCenterId: other.workCenterId },
      countEvent(4, sourceId),
    ];
    await enqueueIngestBatch(worker.queues, { tenantId: plant.tenantId, connectorId: null, sourceId, items });
    await waitForIdleQueue();
    expect(await storedCount(sourceId)).toBe(2);
    const letters = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.deadLetter.findMany({
        where: { sourceId },
        orderBy: { position: "asc" },
        select: { position: true, stage: true, reason: true, payload: true },
      }),
    );
    expect(letters).toEqual([
      { position: 1, stage: "validation", reason: "not a JSON object", payload: "not even an object" },
      {
        position: 2,
        stage: "validation",
        reason: expect.stringMatching(/good must not exceed total/),
        payload: items[2],
      },
      { position: 3, stage: "mapping", reason: expect.stringMatching(/unknown work center/), payload: items[3] },
    ]);
  });

  it("publishes what was new to the tenant's live channel, and nothing for a re-delivery", async () => {
    const sourceId = `live-${randomUUID()}`;
    const subscriber = connection.duplicate();
    const received: unknown[] = [];
    await subscriber.subscribe(liveChannel(plant.tenantId));
    subscriber.on("message", (_channel, message) => received.push(ZLiveMessage.parse(JSON.parse(message))));
    try {
      const items = [countEvent(10, sourceId), countEvent(11, sourceId)];
      await enqueueIngestBatch(worker.queues, { tenantId: plant.tenantId, connectorId: null, sourceId, items });
      await waitForIdleQueue();
      await enqueueIngestBatch(worker.queues, { tenantId: plant.tenantId, connectorId: null, sourceId, items });
      await waitForIdleQueue();
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Timeline updates ("execution" messages) follow too; the events themselves are published once.
      const events = received.filter((message) => (message as { type: string }).type === "events");
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: "events",
        events: [{ kind: "production.count" }, { kind: "production.count" }],
      });
    } finally {
      subscriber.disconnect();
    }
  });
});
