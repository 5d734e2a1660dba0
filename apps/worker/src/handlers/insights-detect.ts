import { wakeAutomation } from "@gemba/jobs/automation";
import { insightDetectors } from "../insights/all-detectors";
import { dueDetectors, markDetectorsRun } from "../insights/detector-schedule";
import { runInsightPass } from "../insights/insight-pass";
import type { JobHandler } from "./types";

/**
 * One tenant's detector pass: the due detectors on schedule, the event-driven ones for work
 * centers that just changed. New insights wake the rules engine after their transaction
 * committed; were the wake-up lost, the automation sweep finds the signal in Postgres.
 */
export const insightsDetect: JobHandler<"insights.detect"> = async (payload, { db, log, publisher, queues }) => {
  const now = Date.now();
  const all = insightDetectors(log);
  const detectors =
    payload.reason === "SCHEDULED"
      ? await dueDetectors(publisher, payload.tenantId, now, all)
      : all.filter((detector) => detector.eventDriven);
  if (detectors.length === 0) return { detectors: 0 };
  const result = await runInsightPass(
    db,
    log,
    { tenantId: payload.tenantId, now, workCenterIds: payload.workCenterIds },
    detectors,
  );
  if (payload.reason === "SCHEDULED") {
    const succeeded = result.detectors.filter((outcome) => outcome.error === null).map((outcome) => outcome.kind);
    await markDetectorsRun(publisher, payload.tenantId, now, succeeded);
  }
  for (const signalId of result.signalIds) await wakeAutomation(queues, { tenantId: payload.tenantId, signalId });
  const created = result.detectors.reduce((sum, outcome) => sum + outcome.created, 0);
  if (created > 0) log.info({ tenantId: payload.tenantId, created }, "new insights");
  return result.detectors;
};
