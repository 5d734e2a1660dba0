import { enqueueDelivery } from "@gemba/jobs/automation";
import { deliverNotification } from "../automation/deliver";
import type { JobHandler } from "./types";

/**
 * One delivery attempt of an e-mail or webhook. Retries are the notification's own (backoff on the
 * row), each its own delayed job; the sweep delivers whatever is due if such a job is lost.
 */
export const automationDeliver: JobHandler<"automation.deliver"> = async (
  payload,
  { db, queues, secretsKey, automation, log },
) => {
  const outcome = await deliverNotification(db, automation, secretsKey, payload);
  if (outcome.status === "PENDING" && outcome.nextAttemptAt !== null) {
    await enqueueDelivery(queues, { ...payload, attempt: outcome.attempt, at: outcome.nextAttemptAt }).catch(
      (error: unknown) => log.warn({ err: error }, "retry not enqueued; the sweep will retry"),
    );
  }
  if (outcome.status === "FAILED") log.warn({ ...payload, error: outcome.error }, "notification gave up");
  return outcome;
};
