import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { jobCatalog, parseJobPayload, type TJobName, type TJobPayload } from "./catalog";
import { DEFAULT_QUEUE_PREFIX, defaultJobOptions, type TQueueName } from "./constants";

export type QueueSet = {
  get: (name: TQueueName) => Queue;
  close: () => Promise<void>;
};

export function createQueues(connection: Redis, prefix = DEFAULT_QUEUE_PREFIX): QueueSet {
  const queues = new Map<TQueueName, Queue>();
  return {
    get(name) {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(name, { connection, defaultJobOptions, prefix });
        queues.set(name, queue);
      }
      return queue;
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}

/**
 * Enqueues a job after validating its payload. A `jobId` makes enqueueing idempotent: the same
 * id twice is one job.
 */
export async function enqueue<N extends TJobName>(
  queues: QueueSet,
  name: N,
  payload: TJobPayload<N>,
  options: { jobId?: string; delayMs?: number } = {},
): Promise<void> {
  const data = parseJobPayload(name, payload);
  const entry: { queue: TQueueName; jobOptions?: JobsOptions } = jobCatalog[name];
  await queues.get(entry.queue).add(name, data, { ...entry.jobOptions, jobId: options.jobId, delay: options.delayMs });
}

/** Repeating jobs, registered idempotently at worker start (BullMQ job schedulers). */
export async function scheduleRepeating<N extends TJobName>(
  queues: QueueSet,
  name: N,
  payload: TJobPayload<N>,
  every: { everyMs: number },
): Promise<void> {
  const data = parseJobPayload(name, payload);
  await queues.get(jobCatalog[name].queue).upsertJobScheduler(
    `schedule:${name}`,
    { every: every.everyMs },
    {
      name,
      data,
    },
  );
}
