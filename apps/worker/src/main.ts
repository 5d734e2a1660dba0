import { createDatabase } from "@gemba/db/client";
import { Redis } from "ioredis";
import pino from "pino";
import { loadWorkerEnv } from "./env";
import { type RunningWorker, startWorker } from "./start-worker";

const SHUTDOWN_GRACE_MS = 20_000;

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const log = pino({ name: "gemba-worker", level: env.LOG_LEVEL });
  const db = createDatabase({
    connectionString: env.APP_DATABASE_URL,
    applicationName: "gemba-worker",
    onIdleConnectionError: (error) => log.warn({ err: error }, "idle database connection lost"),
  });
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  let worker: RunningWorker | undefined;
  let stopping = false;

  // Registered before anything starts, so a SIGTERM during start-up is also a clean stop.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing active jobs");
    const force = setTimeout(() => {
      log.error("active jobs did not finish in time; exiting (BullMQ will retry them)");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await worker?.stop();
    connection.disconnect();
    await db.close();
    log.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const started = await startWorker({
    db,
    connection,
    log,
    concurrency: env.WORKER_CONCURRENCY,
    prefix: env.QUEUE_PREFIX,
    lockDurationMs: env.WORKER_LOCK_DURATION_MS,
    secretsKey: env.SECRETS_KEY ? Buffer.from(env.SECRETS_KEY, "base64") : null,
    runConnectors: env.RUN_CONNECTORS,
    automation: {
      smtpUrl: env.SMTP_URL ?? null,
      mailFrom: env.MAIL_FROM,
      sweepIntervalMs: env.AUTOMATION_SWEEP_MS,
      deliveryLeaseMs: env.AUTOMATION_DELIVERY_LEASE_MS,
    },
    ...(env.WORKER_QUEUES ? { queues: env.WORKER_QUEUES } : {}),
  });
  if (stopping) await started.stop();
  else worker = started;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
