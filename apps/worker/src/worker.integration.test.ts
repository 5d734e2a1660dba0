import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { jobCatalog } from "@gemba/jobs/catalog";
import { workerHeartbeatKey } from "@gemba/jobs/heartbeat";
import { enqueue } from "@gemba/jobs/queue";
import { QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "./start-worker";
import { startTestWorker, type TestWorker } from "./testing/test-worker";

let db: TestDatabase;
let tenant: TenantFixture;
let harness: TestWorker;
let connection: Redis;
let worker: RunningWorker;
let prefix: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db, "Worker");
  harness = await startTestWorker(db.app);
  ({ connection, worker, prefix } = harness);
});

afterAll(async () => {
  await harness.stop();
  await db.drop();
});

describe("worker against real Redis and Postgres", () => {
  it("announces itself with a heartbeat", async () => {
    expect(await connection.get(workerHeartbeatKey(prefix))).toMatch(/^\d{4}-/);
  });

  it("purges ended sessions and old sign-in attempts, and keeps live ones", async () => {
    const userId = tenant.users.OPERATOR.userId;
    const old = new Date(Date.now() - 40 * 86_400_000);
    const [ended, live] = await Promise.all([
      db.app.prisma.userSession.create({ data: { userId, expiresAt: old, createdAt: old } }),
      db.app.prisma.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + 3_600_000) } }),
    ]);
    await db.app.prisma.loginAttempt.create({
      data: { email: "x@example.test", ip: "1.1.1.1", succeeded: false, createdAt: old },
    });

    const queueName = jobCatalog["maintenance.purge-auth-records"].queue;
    const events = new QueueEvents(queueName, { connection: connection.duplicate(), prefix });
    await events.waitUntilReady();
    try {
      await enqueue(
        worker.queues,
        "maintenance.purge-auth-records",
        { sessionRetentionDays: 30, loginAttemptRetentionHours: 24 },
        { jobId: "purge-now" },
      );
      const job = await worker.queues.get(queueName).getJob("purge-now");
      if (!job) throw new Error("job was not enqueued");
      const result = await job.waitUntilFinished(events, 15_000);
      expect(result).toMatchObject({ sessions: 1, loginAttempts: 1 });
    } finally {
      await events.close();
    }
    expect(await db.app.prisma.userSession.findUnique({ where: { id: ended.id } })).toBeNull();
    expect(await db.app.prisma.userSession.findUnique({ where: { id: live.id } })).not.toBeNull();
  });

  it("fails a job with an invalid payload permanently instead of retrying it", async () => {
    const queue = worker.queues.get(jobCatalog["maintenance.purge-auth-records"].queue);
    const events = new QueueEvents(queue.name, { connection: connection.duplicate(), prefix });
    await events.waitUntilReady();
    try {
      const job = await queue.add("maintenance.purge-auth-records", { sessionRetentionDays: "soon" }, { attempts: 3 });
      await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/Invalid payload/);
      const failed = await queue.getJob(job.id ?? "");
      expect(failed?.attemptsMade).toBe(1);
    } finally {
      await events.close();
    }
  });
});
