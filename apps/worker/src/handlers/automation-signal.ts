import { processSignal } from "@gemba/db/automation/process-signal";
import { scheduleFollowUps } from "../automation/follow-ups";
import type { JobHandler } from "./types";

/**
 * Runs the tenant's rules over one automation signal (stored events, a failed checklist, a new
 * insight). Firing is exactly-once per rule and signal in the database, so a retry or a sweep that
 * got there first costs a few reads, never a second task.
 */
export const automationSignal: JobHandler<"automation.signal"> = async (payload, { db, queues, log }) => {
  const outcome = await processSignal(db, payload.tenantId, payload.signalId);
  if (outcome.status !== "processed") return outcome;
  for (const rule of outcome.invalidRules) {
    log.warn({ tenantId: payload.tenantId, ruleId: rule.id, error: rule.error }, "rule definition is invalid; skipped");
  }
  await scheduleFollowUps(queues, payload.tenantId, outcome.followUps, log);
  return {
    fired: outcome.fired,
    already: outcome.already,
    failedRuns: outcome.failedRuns,
    turnedAway: outcome.turnedAway.length,
  };
};
