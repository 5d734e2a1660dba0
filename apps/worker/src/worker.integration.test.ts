import { randomBytes } from "node:crypto";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { testEnv } from "@gemba/db/testing/test-env";
import { jobCatalog } from "@gemba/jobs/catalog";
import { workerHeartbeatKey } from "@gemba/jobs/heartbeat";
import { enqueue } from "@gemba/jobs/queue";
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "./start-worker";

let db: TestDatabase;
let tenant: TenantFixture;
let connection: Redis;
let worker: RunningWorker;
const prefix = `gemba-test-${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db, "Worker");
  connection = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
  worker = await startWorker({
    db: db.app,
    connection,
    log: pino({ level: "silent" }),
    concurrency: 2,
    prefix,
    registerSchedules: false,
  });
});

afterAll(async () => {
  await worker.stop();
  const keys = await connection.keys(`${prefix}:*`);
  if (keys.length > 0) await connection.del(...keys);
  connection.disconnect();
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
