import type { JobsOptions } from "bullmq";
import { z } from "zod";
import { QUEUES, type TQueueName } from "./constants";

export const ZRejectedInput = z.object({
  stage: z.enum(["decode", "mapping", "validation"]),
  reason: z.string().min(1).max(2000),
  payload: z.unknown(),
});
export type TRejectedInput = z.infer<typeof ZRejectedInput>;

/**
 * Every job the platform runs: its queue and its payload schema. Payloads carry ids only;
 * handlers re-read what they need (and the tenant) from the database. The worker must
 * provide a handler for every entry here or it does not compile.
 */
export const jobCatalog = {
  "maintenance.purge-auth-records": {
    queue: QUEUES.maintenance,
    schema: z.object({
      /** Ended sessions older than this are deleted. */
      sessionRetentionDays: z.number().int().min(1).default(30),
      /** Sign-in attempts older than this no longer matter for throttling. */
      loginAttemptRetentionHours: z.number().int().min(1).default(24),
    }),
  },
  /** Run history is for recent troubleshooting: a connector polled every few seconds makes thousands a day. */
  "maintenance.prune-connector-runs": {
    queue: QUEUES.maintenance,
    schema: z.object({ retentionDays: z.number().int().min(1).default(14) }),
  },
  /** Every few minutes: one detector pass per tenant that has work centers (fan-out of `insights.detect`). */
  "insights.scan": {
    queue: QUEUES.insights,
    schema: z.object({}),
    // The next scan is the retry.
    jobOptions: { attempts: 1, removeOnComplete: { age: 3_600, count: 100 } },
  },
  /**
   * One tenant's detector pass. SCHEDULED runs the detectors that are due; CHANGED runs the
   * event-driven ones over the work centers whose timeline was just re-derived.
   */
  "insights.detect": {
    queue: QUEUES.insights,
    schema: z.object({
      tenantId: z.uuid(),
      reason: z.enum(["SCHEDULED", "CHANGED"]),
      workCenterIds: z.array(z.uuid()).max(500).nullable(),
    }),
    jobOptions: { attempts: 2, removeOnComplete: { age: 3_600, count: 500 } },
  },
  /** Every minute: draft the shift handover of every site whose shift ended in the last two hours without one. */
  "handover.draft-due": {
    queue: QUEUES.maintenance,
    schema: z.object({}),
    // The next minute's run is the retry.
    jobOptions: { attempts: 1, removeOnComplete: { age: 3_600, count: 100 } },
  },
  /**
   * A batch of raw items from one source, to validate and store as events. The one job whose
   * payload is data rather than ids: the items exist nowhere else yet.
   */
  "ingest.batch": {
    queue: QUEUES.ingest,
    schema: z
      .object({
        tenantId: z.uuid(),
        connectorId: z.uuid().nullable(),
        sourceId: z.string().min(1).max(200),
        items: z.array(z.unknown()).max(20_000),
        /**
         * Input the connector already knows is bad (undecodable bytes, a topic or field with no
         * mapping): dead-lettered with the connector's own reason, so nothing is silently dropped.
         */
        rejected: z.array(ZRejectedInput).max(20_000).default([]),
      })
      .refine((batch) => batch.items.length + batch.rejected.length > 0, {
        message: "an ingest batch must not be empty",
      }),
    // A batch carries up to megabytes of data: once stored, it must not linger in Redis.
    jobOptions: { removeOnComplete: { age: 3_600, count: 100 } },
  },
  /**
   * Re-derive one work center's timeline and buckets over the span marked dirty in Redis (see
   * execution-refresh.ts): many ingest batches coalesce into one run.
   */
  "execution.refresh": {
    queue: QUEUES.execution,
    schema: z.object({ tenantId: z.uuid(), workCenterId: z.uuid() }),
    jobOptions: { attempts: 5, removeOnComplete: { age: 600, count: 200 } },
  },
  /** Every minute: move every work center's timeline up to now, so a silent machine's state and OEE stay current. */
  "execution.tick": {
    queue: QUEUES.execution,
    schema: z.object({}),
  },
  /** One poll or sync of a polled connector (MTConnect, ERP): on its schedule, or "Sync now". */
  "connector.poll": {
    queue: QUEUES.connectors,
    schema: z.object({
      tenantId: z.uuid(),
      connectorId: z.uuid(),
      trigger: z.enum(["schedule", "manual"]),
    }),
    // A failed poll is recorded as a failed run; the next scheduled one is the retry.
    jobOptions: { attempts: 1, removeOnComplete: { age: 3_600, count: 200 } },
  },
  /**
   * Wake-up for one automation signal (the outbox row is the truth; see automation.ts). Losing this
   * job only delays the rules: the worker's sweep picks up signals left pending.
   */
  "automation.signal": {
    queue: QUEUES.automation,
    schema: z.object({ tenantId: z.uuid(), signalId: z.string().regex(/^\d+$/) }),
    jobOptions: { removeOnComplete: { age: 600, count: 1_000 } },
  },
  /** A work center's stretch in a state may have lasted long enough for a STATE_DURATION rule (delayed). */
  "automation.state-due": {
    queue: QUEUES.automation,
    schema: z.object({ tenantId: z.uuid(), ruleId: z.uuid(), workCenterId: z.uuid(), since: z.iso.datetime() }),
    jobOptions: { removeOnComplete: { age: 3_600, count: 1_000 } },
  },
  /** The next rung of a task's escalation ladder, if the task is still unacknowledged then (delayed). */
  "automation.escalate": {
    queue: QUEUES.automation,
    schema: z.object({ tenantId: z.uuid(), taskId: z.uuid(), step: z.int().min(1).max(10) }),
    jobOptions: { removeOnComplete: { age: 3_600, count: 1_000 } },
  },
  /** One delivery attempt of an e-mail or webhook; retries and backoff are kept on the Notification row. */
  "automation.deliver": {
    queue: QUEUES.automation,
    schema: z.object({ tenantId: z.uuid(), notificationId: z.uuid() }),
    jobOptions: { attempts: 1, removeOnComplete: { age: 600, count: 1_000 } },
  },
} as const satisfies Record<string, { queue: TQueueName; schema: z.ZodType; jobOptions?: JobsOptions }>;

export type TJobName = keyof typeof jobCatalog;
export type TJobPayload<N extends TJobName> = z.infer<(typeof jobCatalog)[N]["schema"]>;
/** What a caller hands in: fields with defaults may be left out. */
export type TJobInput<N extends TJobName> = z.input<(typeof jobCatalog)[N]["schema"]>;

/** Validates a payload on its way into a queue and again on its way out. */
export function parseJobPayload<N extends TJobName>(name: N, payload: unknown): TJobPayload<N> {
  return jobCatalog[name].schema.parse(payload) as TJobPayload<N>;
}
