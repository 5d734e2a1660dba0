import { Worker } from "node:worker_threads";
import type { TConnectorContext, TConnectorStatus } from "@gemba/connectors/framework/definition";
import {
  HEALTH_REPORT_INTERVAL_MS,
  recordConnectorError,
  recordConnectorEvents,
  recordConnectorStatus,
} from "@gemba/connectors/framework/health";
import type { QueueSet } from "@gemba/jobs/queue";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { createEventBatcher } from "./event-batcher";
import type { TThreadCommand, TThreadMessage, TThreadStart } from "./thread-protocol";

export type TStreamingHostOptions = {
  kind: string;
  context: TConnectorContext<unknown, unknown>;
  queues: QueueSet;
  /** Non-blocking connection for health writes. */
  redis: Redis;
  log: Logger;
  definitionsModule: string;
  /** First restart delay after a crash; doubles up to `maxRestartDelayMs`. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
};

export type TStreamingHost = {
  stop: () => Promise<void>;
  /** Number of times the thread ended unexpectedly (for tests and logs). */
  crashes: () => number;
};

const THREAD_ENTRY = new URL("./connector-thread.mjs", import.meta.url);
const CONNECTOR_MAIN = new URL("./connector-thread.ts", import.meta.url).href;
const STOP_TIMEOUT_MS = 5_000;
/** A thread that ran this long without crashing resets the restart backoff. */
const HEALTHY_RUN_MS = 60_000;

/**
 * Keeps one streaming connector running in a worker thread: batches what it emits onto the
 * ingest queue, mirrors its status and errors into the health record, and restarts it with
 * backoff when it crashes. One connector's crash never touches another's thread.
 */
export function startStreamingHost(options: TStreamingHostOptions): TStreamingHost {
  const { context, redis, log } = options;
  const connectorId = context.connectorId;
  const baseDelay = options.restartDelayMs ?? 1_000;
  const maxDelay = options.maxRestartDelayMs ?? 60_000;
  let delay = baseDelay;
  let crashes = 0;
  let stopping = false;
  let thread: Worker | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let lastStatus: { status: TConnectorStatus; detail?: string } = { status: "connecting" };

  const healthWrite = (write: Promise<unknown>) =>
    write.catch((error: unknown) => log.warn({ err: error, connectorId }, "connector health not recorded"));
  const reportError = (message: string) => {
    log.warn({ connectorId, kind: options.kind }, `connector: ${message}`);
    healthWrite(recordConnectorError(redis, connectorId, message));
  };
  const reportStatus = (status: TConnectorStatus, detail?: string) => {
    lastStatus = { status, ...(detail === undefined ? {} : { detail }) };
    healthWrite(recordConnectorStatus(redis, connectorId, status, detail));
  };

  const batcher = createEventBatcher({
    queues: options.queues,
    tenantId: context.tenantId,
    connectorId,
    onFlushed: ({ events }) => {
      if (events > 0) healthWrite(recordConnectorEvents(redis, connectorId, events));
    },
    onFlushFailed: (error, buffered) =>
      reportError(
        `could not queue events (${buffered} waiting): ${error instanceof Error ? error.message : String(error)}`,
      ),
  });

  // Re-sent periodically: a status nobody refreshes means the worker running it is gone.
  const liveness = setInterval(() => reportStatus(lastStatus.status, lastStatus.detail), HEALTH_REPORT_INTERVAL_MS);

  const launch = () => {
    const start: TThreadStart = { kind: options.kind, context, definitionsModule: options.definitionsModule };
    const startedAt = Date.now();
    const worker = new Worker(THREAD_ENTRY, {
      workerData: { entry: CONNECTOR_MAIN, start },
      name: `connector ${connectorId}`,
    });
    thread = worker;
    reportStatus("connecting");
    worker.on("message", (message: TThreadMessage) => {
      switch (message.type) {
        case "events":
          batcher.addEvents(message.events);
          break;
        case "rejected":
          batcher.addRejected(message.input);
          break;
        case "status":
          reportStatus(message.status, message.detail);
          break;
        case "error":
          reportError(message.message);
          break;
        case "started":
          log.info({ connectorId, kind: options.kind }, "connector started");
          break;
        case "stopped":
          break;
      }
    });
    worker.on("error", (error) => reportError(`crashed: ${error.message}`));
    worker.on("exit", (code) => {
      if (thread === worker) thread = undefined;
      if (stopping) return;
      crashes += 1;
      if (Date.now() - startedAt > HEALTHY_RUN_MS) delay = baseDelay;
      reportStatus(
        "reconnecting",
        `restarting in ${Math.round(delay / 1000)} s after the connector stopped (exit ${code})`,
      );
      restartTimer = setTimeout(launch, delay);
      delay = Math.min(delay * 2, maxDelay);
    });
  };
  launch();

  return {
    crashes: () => crashes,
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      clearInterval(liveness);
      const current = thread;
      if (current) {
        const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
        current.postMessage({ type: "stop" } satisfies TThreadCommand);
        const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS));
        if ((await Promise.race([exited, timeout])) === "timeout") await current.terminate();
      }
      await batcher.drain();
      await healthWrite(recordConnectorStatus(redis, connectorId, "disconnected", "stopped"));
    },
  };
}
