import "server-only";
import { createQueues, type QueueSet } from "@gemba/jobs/queue";
import { webEnv } from "./env";
import { redis } from "./redis";

const globalForQueues = globalThis as unknown as { gembaQueues?: QueueSet };

/**
 * The web app's producer side of the job queues (webhooks, "Sync now", CSV uploads, dead-letter
 * retries). It shares the fail-fast Redis connection: a request must get an error it can
 * report while Redis is down, not hang in an offline queue.
 */
export function queues(): QueueSet {
  globalForQueues.gembaQueues ??= createQueues(redis(), webEnv().QUEUE_PREFIX);
  return globalForQueues.gembaQueues;
}
