import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { QUEUES } from "@gemba/jobs/constants";
import { workerHeartbeatKey } from "@gemba/jobs/heartbeat";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { createQueues, type QueueSet } from "@gemba/jobs/queue";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "../testing/test-worker";
import { ANDON_TRIGGER, andonEvent, createRule } from "./testing/automation-worker";
import { startSmtpSink, type TSmtpSink } from "./testing/sinks";

/**
 * The engine under the faults production sees: the worker killed with SIGKILL in the middle of a
 * burst, and Redis restarted empty (no persistence) during it. Redis here is a PRIVATE redis-server
 * on a free port, so the shared one is never touched. What must hold: every triggering event that
 * was stored fired its rule exactly once (one run, one task, one notification) and every e-mail
 * reached the SMTP server; a repeat of an e-mail is allowed only in the documented at-least-once
 * window (a worker killed between the SMTP server's "250 OK" and recording SENT), and is reported.
 */

const workerDir = fileURLToPath(new URL("../..", import.meta.url));
const BATCHES = 100;
const PER_BATCH = 3;
const BATCH_EVERY_MS = 50;

let db: TestDatabase;
let plant: TenantFixture;
let smtp: TSmtpSink;
let redisPort: number;
let redisServer: ChildProcess | undefined;
let redis: Redis;
let queues: QueueSet;
const workers: ChildProcess[] = [];
const workerErrors: string[] = [];
const prefix = `gemba-fault-${randomUUID().slice(0, 8)}`;
const sourceId = `fault-${randomUUID()}`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

async function startRedis(): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    { stdio: "ignore" },
  );
  let missing: Error | null = null;
  child.once("error", (error) => {
    missing = new Error(
      `redis-server could not be started (${error.message}); install it: apt-get install redis-server`,
    );
  });
  const probe = new Redis({ port: redisPort, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0 });
  probe.on("error", () => undefined);
  try {
    await waitUntil(
      async () => {
        if (missing) throw missing;
        try {
          if (probe.status !== "ready") await probe.connect().catch(() => undefined);
          return (await probe.ping()) === "PONG";
        } catch {
          return false;
        }
      },
      10_000,
      "the private redis-server",
    );
  } finally {
    probe.disconnect();
  }
  return child;
}

async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: {
      ...process.env,
      APP_DATABASE_URL: db.appUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      QUEUE_PREFIX: prefix,
      WORKER_CONCURRENCY: "4",
      WORKER_LOCK_DURATION_MS: "3000",
      RUN_CONNECTORS: "false",
      SMTP_URL: smtp.url,
      MAIL_FROM: "Gemba <fault@plant.test>",
      AUTOMATION_SWEEP_MS: "1000",
      AUTOMATION_DELIVERY_LEASE_MS: "3000",
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => workerErrors.push(chunk.toString("utf8")));
  workers.push(child);
  return child;
}

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db.app.prisma, plant.tenantId, work);

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Fault");
  smtp = await startSmtpSink();
  redisPort = await freePort();
  redisServer = await startRedis();
  redis = new Redis({ port: redisPort, host: "127.0.0.1", maxRetriesPerRequest: null });
  // Refused connections while the private Redis restarts are expected; commands wait for it.
  redis.on("error", () => undefined);
  queues = createQueues(redis, prefix);
  for (const name of [QUEUES.ingest, QUEUES.automation]) queues.get(name).on("error", () => undefined);
});

afterAll(async () => {
  for (const child of workers) await stopProcess(child, "SIGKILL");
  await queues?.close().catch(() => undefined);
  redis?.disconnect();
  await stopProcess(redisServer, "SIGKILL");
  await smtp?.close();
  await db?.drop();
});

describe("automation under worker crashes and a Redis restart", () => {
  it("fires every stored trigger exactly once and delivers every e-mail", async () => {
    const ruleId = await createRule(db.app, plant.tenantId, "Andon burst", {
      trigger: ANDON_TRIGGER,
      actions: [
        { kind: "CREATE_TASK", title: "Andon at {workCenter}", assigneeRole: "OPERATOR" },
        { kind: "EMAIL", to: ["floor-lead@plant.test"], subject: "Andon at {workCenter}" },
      ],
    });
    const started = Date.now();
    let worker = startWorkerProcess();
    // The burst starts once the worker takes jobs, so the kill finds it busy.
    await waitUntil(async () => (await redis.exists(workerHeartbeatKey(prefix))) === 1, 30_000, "the worker to start");
    const activeJobs = async () =>
      ((await queues.get(QUEUES.ingest).getActiveCount()) as number) +
      ((await queues.get(QUEUES.automation).getActiveCount()) as number);
    /** Stored triggers not yet fully handled: what the restarted Redis no longer knows about. */
    const progress = async () => ({
      stored: await inTenant((tx) => tx.event.count({ where: { sourceId } })),
      runs: await inTenant((tx) => tx.ruleRun.count({ where: { ruleId } })),
      sent: await inTenant((tx) => tx.notification.count({ where: { status: "SENT" } })),
      pendingSignals: await inTenant((tx) => tx.automationSignal.count({ where: { processedAt: null } })),
    });
    const inFlight: Record<string, Awaited<ReturnType<typeof progress>>> = {};

    for (let batch = 0; batch < BATCHES; batch += 1) {
      if (batch === 30) {
        // Mid-burst: the worker dies with jobs in hand (ingest, signals, deliveries).
        await waitUntil(async () => (await activeJobs()) > 0, 5_000, "the worker to be busy").catch(() => undefined);
        await stopProcess(worker, "SIGKILL");
        inFlight.atKill = await progress();
      }
      if (batch === 45) {
        // Redis restarts empty: waiting ingest batches and every automation job are gone.
        inFlight.atRedisRestart = await progress();
        await stopProcess(redisServer, "SIGKILL");
        await new Promise((resolve) => setTimeout(resolve, 300));
        redisServer = await startRedis();
      }
      if (batch === 55) worker = startWorkerProcess();
      const items = Array.from({ length: PER_BATCH }, (_, index) =>
        andonEvent(plant.workCenterId, `andon-${batch}-${index}`, new Date(started + batch * 100 + index)),
      );
      await enqueueIngestBatch(queues, { tenantId: plant.tenantId, connectorId: null, sourceId, items });
      await new Promise((resolve) => setTimeout(resolve, BATCH_EVERY_MS));
    }

    const storedEvents = () =>
      inTenant((tx) => tx.event.findMany({ where: { sourceId }, select: { id: true }, orderBy: { id: "asc" } }));
    // Everything stored has fired and been delivered, then stays so for a few sweeps.
    await waitUntil(
      async () => {
        const stored = (await storedEvents()).length;
        const sent = await inTenant((tx) =>
          tx.notification.count({ where: { status: "SENT", subject: { startsWith: "Andon at" } } }),
        );
        return stored > 0 && sent === stored && new Set(smtp.mails.map((mail) => mail.messageId)).size === stored;
      },
      100_000,
      "every stored andon event to be fired and delivered",
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const events = await storedEvents();
    const runs = await inTenant((tx) =>
      tx.ruleRun.findMany({ where: { ruleId }, select: { id: true, idempotencyKey: true } }),
    );
    const tasks = await inTenant((tx) =>
      tx.task.findMany({
        where: { source: "rule", sourceId: { in: runs.map((run) => run.id) } },
        select: { sourceId: true },
      }),
    );
    const notifications = await inTenant((tx) =>
      tx.notification.findMany({
        where: { ruleRunId: { in: runs.map((run) => run.id) } },
        select: { id: true, status: true, attempts: true },
      }),
    );
    const messageIds = smtp.mails.map((mail) => mail.messageId);
    const distinct = new Set(messageIds);
    const duplicates = messageIds.length - distinct.size;
    const repeated = [...distinct].filter((id) => messageIds.filter((other) => other === id).length > 1);
    const report = {
      enqueued: BATCHES * PER_BATCH,
      stored: events.length,
      runs: runs.length,
      tasks: tasks.length,
      notifications: notifications.length,
      mails: messageIds.length,
      distinctMails: distinct.size,
      duplicates,
      retriedDeliveries: notifications.filter((n) => n.attempts > 1).length,
      inFlight,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    process.stdout.write(`automation fault test: ${JSON.stringify(report)}\n`);

    // Some batches waited in the Redis that was restarted and were never stored; the rest must all count.
    expect(events.length).toBeGreaterThan(0);
    expect(runs.map((run) => run.idempotencyKey).sort()).toEqual(
      events.map((event) => `${ruleId}:event:${event.id}`).sort(),
    );
    expect(new Set(tasks.map((task) => task.sourceId)).size).toBe(events.length);
    expect(tasks).toHaveLength(events.length);
    expect(notifications).toHaveLength(events.length);
    expect(notifications.every((n) => n.status === "SENT")).toBe(true);
    expect(distinct).toEqual(new Set(notifications.map((n) => `<${n.id}@notifications.gemba>`)));
    // A repeated e-mail is only acceptable for a notification that needed a second attempt (its first
    // attempt's worker was killed after the SMTP server accepted it): the at-least-once window.
    const retried = new Set(notifications.filter((n) => n.attempts > 1).map((n) => `<${n.id}@notifications.gemba>`));
    expect(repeated.filter((id) => !retried.has(id ?? ""))).toEqual([]);
    expect(duplicates).toBeLessThanOrEqual(retried.size);
  }, 150_000);
});
