import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { jobCatalog, parseJobPayload, type TJobInput, type TJobName } from "./catalog";
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
  payload: TJobInput<N>,
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
  payload: TJobInput<N>,
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

/** The scheduler of one connector's polls; one per connector, replaced when its interval changes. */
export const connectorPollSchedulerId = (connectorId: string) => `connector-poll:${connectorId}`;

export async function scheduleConnectorPoll(
  queues: QueueSet,
  payload: { tenantId: string; connectorId: string },
  everyMs: number,
): Promise<void> {
  const data = parseJobPayload("connector.poll", { ...payload, trigger: "schedule" });
  await queues
    .get(jobCatalog["connector.poll"].queue)
    .upsertJobScheduler(
      connectorPollSchedulerId(payload.connectorId),
      { every: everyMs },
      { name: "connector.poll", data, opts: jobCatalog["connector.poll"].jobOptions },
    );
}

export async function unscheduleConnectorPoll(queues: QueueSet, connectorId: string): Promise<void> {
  await queues.get(jobCatalog["connector.poll"].queue).removeJobScheduler(connectorPollSchedulerId(connectorId));
}
