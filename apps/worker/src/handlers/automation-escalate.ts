import { escalateTask } from "@gemba/db/automation/escalate-task";
import { scheduleFollowUps } from "../automation/follow-ups";
import type { JobHandler } from "./types";

/** One rung of a task's escalation ladder; the task row decides whether it is still due. */
export const automationEscalate: JobHandler<"automation.escalate"> = async (payload, { db, queues, log }) => {
  const outcome = await escalateTask(db, payload);
  if (outcome.status === "escalated") await scheduleFollowUps(queues, payload.tenantId, outcome.followUps, log);
  return outcome.status === "escalated"
    ? { escalated: outcome.step, role: outcome.role, notified: outcome.notified }
    : { skipped: outcome.why };
};
