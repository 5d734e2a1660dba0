import { enqueue, type QueueSet } from "@gemba/jobs/queue";
import { CHANGED_PASS_DELAY_MS, CHANGED_PASS_SLOT_MS } from "./insight-settings";

/**
 * Asks for an event-driven detector pass over one work center whose timeline was re-derived.
 * The job id names the minute: the many refreshes of a live machine within it ask once.
 */
export async function requestChangedInsightPass(
  queues: QueueSet,
  target: { tenantId: string; workCenterId: string },
  now: number,
): Promise<void> {
  const slot = Math.floor(now / CHANGED_PASS_SLOT_MS);
  await enqueue(
    queues,
    "insights.detect",
    { tenantId: target.tenantId, reason: "CHANGED", workCenterIds: [target.workCenterId] },
    { jobId: `insights-changed_${target.tenantId}_${target.workCenterId}_${slot}`, delayMs: CHANGED_PASS_DELAY_MS },
  );
}
