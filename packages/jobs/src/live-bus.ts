import { z } from "zod";

/**
 * The live bus: after each ingest commit the worker publishes what was new on the tenant's
 * channel; live views (SSE) and automations subscribe. Redis pub/sub is fire-and-forget, so
 * subscribers that were away catch up from the database, never from the bus.
 */
export function liveChannel(tenantId: string): string {
  return `gemba:live:${tenantId}`;
}

export const ZLiveEvent = z.object({
  id: z.string(),
  workCenterId: z.string().nullable(),
  kind: z.string(),
  eventTime: z.string(),
  payload: z.unknown(),
});

/** A work center's timeline changed: its current state (the last derived interval) and whether a stop waits for a reason. */
export const ZLiveExecution = z.object({
  workCenterId: z.string(),
  state: z.string(),
  since: z.string(),
  reasonCode: z.string().nullable(),
  unclassified: z.boolean(),
  /** The span that was re-derived: views showing it refetch. */
  changedFrom: z.string(),
  changedTo: z.string(),
});

export const ZLiveMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("events"), events: z.array(ZLiveEvent) }),
  z.object({ type: z.literal("execution"), execution: ZLiveExecution }),
]);
export type TLiveMessage = z.infer<typeof ZLiveMessage>;

/** Messages stay small enough for every subscriber to parse quickly. */
export const LIVE_MESSAGE_MAX_EVENTS = 500;
