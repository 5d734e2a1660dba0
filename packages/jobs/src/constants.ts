import type { JobsOptions } from "bullmq";

/** Key prefix of every queue in Redis; tests use their own so they never see each other's jobs. */
export const DEFAULT_QUEUE_PREFIX = "gemba";

/** Queues by workload, so a slow kind of job never delays another kind. */
export const QUEUES = {
  maintenance: "gemba-maintenance",
  ingest: "gemba-ingest",
  /** Connector polls and syncs: slow network calls that must not hold up ingest. */
  connectors: "gemba-connectors",
  /** Re-deriving state intervals and OEE buckets after new events: fast, frequent, per work center. */
  execution: "gemba-execution",
  /** Rules firing, escalations and notification delivery: a slow SMTP server never holds up ingest. */
  automation: "gemba-automation",
  /** Detector passes: seconds of analysis per tenant, kept away from everything latency-sensitive. */
  insights: "gemba-insights",
} as const;

export type TQueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Three attempts with exponential backoff; failed jobs stay for a week for inspection. */
export const defaultJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
