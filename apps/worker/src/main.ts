import { createDatabase } from "@gemba/db/client";
import { QUEUES } from "@gemba/jobs/constants";
import {
  WORKER_HEARTBEAT_INTERVAL_SECONDS,
  WORKER_HEARTBEAT_KEY,
  WORKER_HEARTBEAT_TTL_SECONDS,
} from "@gemba/jobs/heartbeat";
import { createQueues, scheduleRepeating } from "@gemba/jobs/queue";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import pino from "pino";
import { loadWorkerEnv } from "./env";
import { runJob } from "./run-job";

const SHUTDOWN_GRACE_MS = 20_000;

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const log = pino({ name: "gemba-worker", level: env.LOG_LEVEL });
  const db = createDatabase({ connectionString: env.APP_DATABASE_URL, applicationName: "gemba-worker" });
  // BullMQ workers block on Redis and need maxRetriesPerRequest: null on their connection.
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(connection);

  const workers = Object.values(QUEUES).map(
    (queueName) =>
      new Worker(queueName, (job) => runJob(job, { db, log }), {
        connection,
        concurrency: env.WORKER_CONCURRENCY,
      }),
  );
  for (const worker of workers) {
    worker.on("failed", (job, error) => log.warn({ jobId: job?.id, job: job?.name, err: error }, "job failed"));
    worker.on("error", (error) => log.error({ err: error }, "worker error"));
  }

  await scheduleRepeating(
    queues,
    "maintenance.purge-auth-records",
    { sessionRetentionDays: 30, loginAttemptRetentionHours: 24 },
    {
      everyMs: 60 * 60 * 1000,
    },
  );

  const beat = () =>
    connection
      .set(WORKER_HEARTBEAT_KEY, new Date().toISOString(), "EX", WORKER_HEARTBEAT_TTL_SECONDS)
      .catch((error: unknown) => log.warn({ err: error }, "heartbeat failed"));
  await beat();
  const heartbeat = setInterval(beat, WORKER_HEARTBEAT_INTERVAL_SECONDS * 1000);
  log.info({ queues: Object.values(QUEUES), concurrency: env.WORKER_CONCURRENCY }, "worker ready");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing active jobs");
    clearInterval(heartbeat);
    const force = setTimeout(() => {
      log.error("active jobs did not finish in time; exiting (BullMQ will retry them)");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // close() waits for running jobs to finish and takes no new ones.
    await Promise.all(workers.map((worker) => worker.close()));
    await queues.close();
    await connection.del(WORKER_HEARTBEAT_KEY).catch(() => undefined);
    connection.disconnect();
    await db.close();
    log.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
