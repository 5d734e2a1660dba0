import type { QueueSet } from "@gemba/jobs/queue";
import type { Redis } from "ioredis";

/** What connector administration needs besides the database; provided by the web server (or a test). */
export type PlatformServices = {
  /** Seals connector secrets (AES-256-GCM); the key never leaves the server. */
  secretsKey: Buffer;
  /** Live connector health and change notices to the worker. */
  redis: Redis;
  /** Producer side of the job queues: "Sync now", dead-letter retries, uploaded files' events. */
  queues: QueueSet;
};
