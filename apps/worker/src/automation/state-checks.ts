import { planStateDueChecksFor } from "@gemba/db/automation/state-duration";
import type { Database } from "@gemba/db/client";
import { scheduleStateDue } from "@gemba/jobs/automation";
import type { QueueSet } from "@gemba/jobs/queue";
import type { Logger } from "pino";

/**
 * Checks due longer ago than this are not asked for again on every refresh: the first refresh
 * after the stretch began asked already, and the sweep covers a job Redis lost.
 */
const STALE_CHECK_MS = 5 * 60_000;

/**
 * After a work center's timeline moved on: one delayed job per STATE_DURATION rule that watches its
 * latest stretch, at the time the rule would fire. The job id names rule, stretch and due time, so
 * the many refreshes of one stretch ask for one job. Never fails the refresh: the sweep is the backstop.
 */
export async function scheduleStateChecks(
  db: Database,
  queues: QueueSet,
  target: { tenantId: string; workCenterId: string },
  log: Logger,
  now = Date.now(),
): Promise<void> {
  try {
    const checks = await planStateDueChecksFor(db.pool, target.tenantId, target.workCenterId);
    for (const check of checks) {
      if (check.dueAt < now - STALE_CHECK_MS) continue;
      await scheduleStateDue(queues, { tenantId: target.tenantId, ...check }, now);
    }
  } catch (error) {
    log.warn({ err: error, ...target }, "state-duration checks not scheduled; the sweep will catch them");
  }
}
