import type { TFollowUps } from "@gemba/db/automation/rule-actions";
import { enqueueDelivery, scheduleEscalation } from "@gemba/jobs/automation";
import type { QueueSet } from "@gemba/jobs/queue";
import type { Logger } from "pino";

/**
 * A wake-up that Redis cannot take within this long is left to the sweep: a handler must not hang
 * on a Redis that is restarting (ioredis queues commands until it is back).
 */
const ENQUEUE_TIMEOUT_MS = 2_000;

function withTimeout(work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Redis did not take the job in time")), ENQUEUE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Schedules the jobs the committed rows call for: each escalation's next rung, each notification's
 * delivery. Best effort: the rows are the truth, and the sweep finds what did not get its job.
 */
export async function scheduleFollowUps(
  queues: QueueSet,
  tenantId: string,
  followUps: TFollowUps,
  log: Logger,
): Promise<void> {
  const work = [
    ...followUps.escalations.map((escalation) => scheduleEscalation(queues, { tenantId, ...escalation })),
    ...followUps.notifications.map((notification) =>
      enqueueDelivery(queues, {
        tenantId,
        notificationId: notification.notificationId,
        attempt: 0,
        at: notification.at,
      }),
    ),
  ];
  const results = await Promise.allSettled(work.map(withTimeout));
  const failed = results.filter((result) => result.status === "rejected").length;
  if (failed > 0)
    log.warn({ failed, tenantId }, "some automation follow-up jobs were not enqueued; the sweep will do them");
}
