import { checkStateDue } from "@gemba/db/automation/state-duration";
import { scheduleFollowUps } from "../automation/follow-ups";
import type { JobHandler } from "./types";

/** A STATE_DURATION rule's check of one stretch at the time it would fire (the stretch is re-read). */
export const automationStateDue: JobHandler<"automation.state-due"> = async (payload, { db, queues, log }) => {
  const outcome = await checkStateDue(db, {
    tenantId: payload.tenantId,
    ruleId: payload.ruleId,
    workCenterId: payload.workCenterId,
    since: Date.parse(payload.since),
  });
  await scheduleFollowUps(queues, payload.tenantId, outcome.followUps, log);
  return { fired: outcome.fired, already: outcome.already, skipped: outcome.skipped ?? null };
};
