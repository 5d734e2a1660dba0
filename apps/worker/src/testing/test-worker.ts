import { randomBytes } from "node:crypto";
import type { Database } from "@gemba/db/client";
import { testEnv } from "@gemba/db/testing/test-env";
import { Redis } from "ioredis";
import pino from "pino";
import { type RunningWorker, startWorker, type WorkerOptions } from "../start-worker";

/** A queue prefix of its own per test file: parallel runs on one Redis never see each other's jobs. */
export function uniqueQueuePrefix(): string {
  return `gemba-test-${randomBytes(4).toString("hex")}`;
}

/** Deletes every key under a test's queue prefix (SCAN, not KEYS, so Redis never blocks). */
export async function removeQueueKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
    if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
  }
}

export type TestWorker = { worker: RunningWorker; connection: Redis; prefix: string; stop: () => Promise<void> };

/** An in-process worker on the real Redis, without repeating jobs so tests control what runs. */
export async function startTestWorker(
  db: Database,
  options: Pick<WorkerOptions, "secretsKey" | "runConnectors"> = {},
): Promise<TestWorker> {
  const prefix = uniqueQueuePrefix();
  const connection = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const worker = await startWorker({
    db,
    connection,
    log: pino({ level: "silent" }),
    concurrency: 2,
    prefix,
    registerSchedules: false,
    ...options,
  });
  return {
    worker,
    connection,
    prefix,
    stop: async () => {
      await worker.stop();
      await removeQueueKeys(connection, prefix);
      connection.disconnect();
    },
  };
}

/** Polls until `condition` holds; the error names what never happened. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
