import type { Database } from "@gemba/db/client";
import { DEFAULT_QUEUE_PREFIX, QUEUES, type TQueueName } from "@gemba/jobs/constants";
import {
  WORKER_HEARTBEAT_INTERVAL_SECONDS,
  WORKER_HEARTBEAT_TTL_SECONDS,
  workerHeartbeatKey,
} from "@gemba/jobs/heartbeat";
import { createQueues, type QueueSet, scheduleRepeating } from "@gemba/jobs/queue";
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { closeMailTransports } from "./automation/deliver";
import { DEFAULT_AUTOMATION_SETTINGS, type TAutomationSettings } from "./automation/settings";
import { startAutomationSweeper, type TAutomationSweeper } from "./automation/sweeper";
import { startConnectorSupervisor, type TConnectorSupervisor } from "./connectors/supervisor";
import { INSIGHT_SCAN_EVERY_MS } from "./insights/insight-settings";
import { runJob } from "./run-job";

export type WorkerOptions = {
  db: Database;
  /** Must be created with maxRetriesPerRequest: null (BullMQ blocks on it). */
  connection: Redis;
  log: Logger;
  concurrency: number;
  prefix?: string;
  /** Lock duration of active jobs; also how often stalled jobs of dead workers are looked for. */
  lockDurationMs?: number;
  /**
   * Queues this process takes jobs from (default: all). A larger plant runs dedicated processes,
   * e.g. one for ingest and one for rollups, so neither waits for the other's CPU.
   */
  queues?: readonly TQueueName[];
  /** Register the repeating jobs (off in tests that must control exactly which jobs run). */
  registerSchedules?: boolean;
  /** Opens connector secrets (SECRETS_KEY); null when not configured. */
  secretsKey?: Buffer | null;
  /** Run the configured connectors (streams and poll schedules). Off in tests that only need jobs. */
  runConnectors?: boolean | { reconcileEveryMs?: number; definitionsModule?: string; restartDelayMs?: number };
  /**
   * Mail server, retry pacing, and the automation sweep's interval (default 5 s; 0 turns the
   * timer off for tests that drive `automationSweeper.runOnce()` themselves).
   */
  automation?: Partial<TAutomationSettings> & { sweepIntervalMs?: number };
};

export type RunningWorker = {
  queues: QueueSet;
  /** Present when the worker runs connectors. */
  connectors?: TConnectorSupervisor;
  /** The recovery path of the automation engine (see automation/sweeper.ts). */
  automationSweeper: TAutomationSweeper;
  /** Finishes active jobs, takes no new ones, stops the heartbeat. */
  stop: () => Promise<void>;
};

/** Starts one BullMQ worker per queue, the repeating jobs and the heartbeat. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { db, connection, log } = options;
  const prefix = options.prefix ?? DEFAULT_QUEUE_PREFIX;
  const queues = createQueues(connection, prefix);
  const secretsKey = options.secretsKey ?? null;
  const consumed = options.queues ?? Object.values(QUEUES);
  const { sweepIntervalMs = 5_000, ...automationOverrides } = options.automation ?? {};
  const automation: TAutomationSettings = { ...DEFAULT_AUTOMATION_SETTINGS, ...automationOverrides };
  const workers = consumed.map(
    (queueName) =>
      new Worker(queueName, (job) => runJob(job, { db, log, publisher: connection, queues, secretsKey, automation }), {
        connection,
        prefix,
        concurrency: options.concurrency,
        ...(options.lockDurationMs
          ? { lockDuration: options.lockDurationMs, stalledInterval: options.lockDurationMs }
          : {}),
      }),
  );
  for (const worker of workers) {
    worker.on("failed", (job, error) => log.warn({ jobId: job?.id, job: job?.name, err: error }, "job failed"));
    worker.on("error", (error) => log.error({ err: error }, "worker error"));
  }

  if (options.registerSchedules ?? true) {
    await scheduleRepeating(
      queues,
      "maintenance.purge-auth-records",
      { sessionRetentionDays: 30, loginAttemptRetentionHours: 24 },
      { everyMs: 60 * 60 * 1000 },
    );
    await scheduleRepeating(
      queues,
      "maintenance.prune-connector-runs",
      { retentionDays: 14 },
      { everyMs: 6 * 60 * 60 * 1000 },
    );
    await scheduleRepeating(queues, "handover.draft-due", {}, { everyMs: 60 * 1000 });
    await scheduleRepeating(queues, "insights.scan", {}, { everyMs: INSIGHT_SCAN_EVERY_MS });
  }

  const heartbeatKey = workerHeartbeatKey(prefix);
  const beat = () =>
    connection
      .set(heartbeatKey, new Date().toISOString(), "EX", WORKER_HEARTBEAT_TTL_SECONDS)
      .catch((error: unknown) => log.warn({ err: error }, "heartbeat failed"));
  await beat();
  const heartbeat = setInterval(beat, WORKER_HEARTBEAT_INTERVAL_SECONDS * 1000);
  let connectors: TConnectorSupervisor | undefined;
  if (options.runConnectors) {
    const settings = typeof options.runConnectors === "object" ? options.runConnectors : {};
    connectors = startConnectorSupervisor({ db, redis: connection, queues, secretsKey, log, ...settings });
    await connectors.ready;
  }
  // Postgres only: it keeps automation going (late, not lost) while Redis is away.
  const automationSweeper = startAutomationSweeper({
    db,
    log: log.child({ component: "automation-sweep" }),
    settings: automation,
    secretsKey,
    intervalMs: sweepIntervalMs,
  });
  log.info({ queues: consumed, concurrency: options.concurrency, connectors: Boolean(connectors) }, "worker ready");

  return {
    queues,
    ...(connectors ? { connectors } : {}),
    automationSweeper,
    stop: async () => {
      clearInterval(heartbeat);
      await automationSweeper.stop();
      await connectors?.stop();
      await Promise.all(workers.map((worker) => worker.close()));
      await queues.close();
      await connection.del(heartbeatKey).catch(() => undefined);
      closeMailTransports();
    },
  };
}
