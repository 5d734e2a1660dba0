import { storeIngestBatch } from "@gemba/db/events/store-ingest-batch";
import { wakeAutomation } from "@gemba/jobs/automation";
import { requestExecutionRefresh } from "@gemba/jobs/execution-refresh";
import { LIVE_MESSAGE_MAX_EVENTS, liveChannel, type TLiveMessage } from "@gemba/jobs/live-bus";
import type { JobHandler } from "./types";

/**
 * Stores a batch (valid events in, bad items to dead letters, one transaction), then tells
 * live views what was new. Publishing happens after the commit: a crash in between loses a
 * live notification, never an event, and a retried batch publishes only what it newly stored.
 */
export const ingestBatch: JobHandler<"ingest.batch"> = async (payload, { db, publisher, queues, jobId, log }) => {
  const outcome = await storeIngestBatch(db.pool, { ...payload, batchId: jobId });
  // Rules first: the signal is committed with the events, and a lost wake-up is the sweep's to find.
  if (outcome.automationSignalId) {
    await wakeAutomation(queues, { tenantId: payload.tenantId, signalId: outcome.automationSignalId });
  }
  // Timelines and OEE buckets follow the new events (one coalesced refresh per work center).
  for (const [workCenterId, span] of changedSpans(outcome.inserted)) {
    await requestExecutionRefresh(queues, publisher, { tenantId: payload.tenantId, workCenterId, ...span });
  }
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

/** Earliest and latest event time of the new events, per work center. */
function changedSpans(events: readonly { workCenterId: string | null; eventTime: Date }[]) {
  const spans = new Map<string, { from: number; to: number }>();
  for (const event of events) {
    if (!event.workCenterId) continue;
    const time = event.eventTime.getTime();
    const span = spans.get(event.workCenterId);
    if (span) {
      span.from = Math.min(span.from, time);
      span.to = Math.max(span.to, time);
    } else spans.set(event.workCenterId, { from: time, to: time });
  }
  return spans;
}
