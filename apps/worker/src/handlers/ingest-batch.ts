import { storeIngestBatch } from "@gemba/db/events/store-ingest-batch";
import { LIVE_MESSAGE_MAX_EVENTS, liveChannel, type TLiveMessage } from "@gemba/jobs/live-bus";
import type { JobHandler } from "./types";

/**
 * Stores a batch (valid events in, bad items to dead letters, one transaction), then tells
 * live views what was new. Publishing happens after the commit: a crash in between loses a
 * live notification, never an event, and a retried batch publishes only what it newly stored.
 */
export const ingestBatch: JobHandler<"ingest.batch"> = async (payload, { db, publisher, jobId, log }) => {
  const outcome = await storeIngestBatch(db.pool, { ...payload, batchId: jobId });
  for (let start = 0; start < outcome.inserted.length; start += LIVE_MESSAGE_MAX_EVENTS) {
    const message: TLiveMessage = {
      type: "events",
      events: outcome.inserted.slice(start, start + LIVE_MESSAGE_MAX_EVENTS).map((event) => ({
        ...event,
        eventTime: event.eventTime.toISOString(),
      })),
    };
    await publisher.publish(liveChannel(payload.tenantId), JSON.stringify(message));
  }
  const summary = {
    received: outcome.received,
    inserted: outcome.inserted.length,
    duplicates: outcome.duplicates,
    deadLettered: outcome.deadLettered,
  };
  if (outcome.deadLettered > 0) log.warn({ ...summary, sourceId: payload.sourceId }, "ingest batch had rejected items");
  return summary;
};
