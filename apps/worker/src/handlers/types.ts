import type { Database } from "@gemba/db/client";
import type { TJobName, TJobPayload } from "@gemba/jobs/catalog";
import type { QueueSet } from "@gemba/jobs/queue";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { TAutomationSettings } from "../automation/settings";

export type JobContext = {
  db: Database;
  log: Logger;
  /** For publishing to the live bus (never used for blocking commands). */
  publisher: Redis;
  /** For handlers that produce further jobs (a poll produces ingest batches). */
  queues: QueueSet;
  /** Opens connector secrets; null when the worker runs without SECRETS_KEY (connectors then report it). */
  secretsKey: Buffer | null;
  /** Mail server and retry pacing of rule notifications. */
  automation: TAutomationSettings;
  /** BullMQ job id: stable across retries, so handlers can make their effects idempotent. */
  jobId: string;
};

export type JobHandler<N extends TJobName> = (payload: TJobPayload<N>, context: JobContext) => Promise<unknown>;

/** One handler per catalog entry: adding a job without its handler fails to compile. */
export type HandlerMap = { [N in TJobName]: JobHandler<N> };
