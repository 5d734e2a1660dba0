import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { testEnv } from "@gemba/db/testing/test-env";
import { QUEUES } from "@gemba/jobs/constants";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { createQueues, type QueueSet } from "@gemba/jobs/queue";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeQueueKeys, uniqueQueuePrefix, waitUntil } from "./testing/test-worker";

let db: TestDatabase;
let plant: TenantFixture;
let redis: Redis;
let queues: QueueSet;
const prefix = uniqueQueuePrefix();
const workerDir = fileURLToPath(new URL("..", import.meta.url));
const BATCHES = 40;
const PER_BATCH = 2_500;

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Crash");
  redis = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
  queues = createQueues(redis, prefix);
});

afterAll(async () => {
  await queues.close();
  await removeQueueKeys(redis, prefix);
  redis.disconnect();
  await db.drop();
});

function startWorkerProcess(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: {
      ...process.env,
      APP_DATABASE_URL: db.appUrl,
      REDIS_URL: testEnv.TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      WORKER_CONCURRENCY: "2",
      // A killed worker's jobs are taken over after this long, not the default 30 s.
      WORKER_LOCK_DURATION_MS: "3000",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
}

const stored = (sourceId: string) =>
  withTenant(db.app.prisma, plant.tenantId, (tx) => tx.event.count({ where: { sourceId } }));

describe("ingest worker killed mid-batch", () => {
  it("loses no event and duplicates none after SIGKILL and restart", async () => {
    const sourceId = `crash-${randomUUID()}`;
    for (let batch = 0; batch < BATCHES; batch += 1) {
      const items = Array.from({ length: PER_BATCH }, (_, i) => {
        const n = batch * PER_BATCH + i;
        return {
          kind: "telemetry",
          workCenterId: plant.workCenterId,
          eventTime: new Date(Date.UTC(2026, 10, 1) + n * 100).toISOString(),
          dedupeKey: `t-${n}`,
          payload: { tag: "spindle.load", value: n % 100, unit: "%" },
        };
      });
      await enqueueIngestBatch(queues, { tenantId: plant.tenantId, connectorId: null, sourceId, items });
    }
    const queue = queues.get(QUEUES.ingest);

    const first = startWorkerProcess();
    // Kill it while it is working: some events stored, batches still active.
    await waitUntil(async () => (await stored(sourceId)) > 0, 60_000, "the first events");
    await waitUntil(async () => ((await queue.getJobCounts("active")).active ?? 0) > 0, 10_000, "an active batch");
    first.kill("SIGKILL");
    await once(first, "exit");
    const atKill = await stored(sourceId);
    const orphaned = (await queue.getJobCounts("active")).active;
    expect(atKill).toBeLessThan(BATCHES * PER_BATCH);
    expect(orphaned).toBeGreaterThan(0);

    const second = startWorkerProcess();
    try {
      await waitUntil(
        async () => {
          const counts = await queue.getJobCounts("wait", "active", "delayed", "completed", "failed");
          return counts.completed === BATCHES || (counts.failed ?? 0) > 0;
        },
        90_000,
        "the queue to drain",
      );
      expect((await queue.getJobCounts("failed")).failed).toBe(0);
    } finally {
      second.kill("SIGTERM");
      await once(second, "exit");
    }
    expect(await stored(sourceId)).toBe(BATCHES * PER_BATCH);
    const duplicates = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.event.groupBy({
        by: ["dedupeKey"],
        where: { sourceId },
        _count: true,
        having: { dedupeKey: { _count: { gt: 1 } } },
      }),
    );
    expect(duplicates).toEqual([]);
  }, 180_000);
});
