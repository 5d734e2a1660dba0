import { jobCatalog } from "./catalog";
import { enqueue, type QueueSet } from "./queue";

/**
 * Enqueue helpers of the automation engine. Every job here is only a wake-up: the database holds
 * the truth (AutomationSignal, Task.nextEscalationAt, Notification.nextAttemptAt), and the worker's
 * sweep does whatever a job lost with Redis would have done. Job ids are deterministic, so asking
 * twice (a retried handler, a repeated refresh) makes one job.
 */

/** BullMQ allows ':' in a custom id only as exactly three parts; the ids below keep to that. */
export const signalJobId = (tenantId: string, signalId: string) => `signal:${tenantId}:${signalId}`;
export const escalationJobId = (taskId: string, step: number) => `escalate:${taskId}:${step}`;
export const stateDueJobId = (ruleId: string, workCenterId: string, sinceMs: number, dueMs: number) =>
  `state-due:${ruleId}:${workCenterId}.${sinceMs}.${dueMs}`;
export const deliveryJobId = (notificationId: string, attempt: number) => `deliver:${notificationId}:${attempt}`;

/**
 * Call after committing a transaction that recorded a signal (`recordAutomationSignal` returned
 * its id). If this fails or Redis loses the job, the sweep processes the signal a few seconds later.
 */
export async function wakeAutomation(queues: QueueSet, signal: { tenantId: string; signalId: string }): Promise<void> {
  await enqueue(queues, "automation.signal", signal, { jobId: signalJobId(signal.tenantId, signal.signalId) });
}

/** The escalation rung `step` of a task, due at `dueAt` (ms). */
export async function scheduleEscalation(
  queues: QueueSet,
  escalation: { tenantId: string; taskId: string; step: number; dueAt: number },
  now = Date.now(),
): Promise<void> {
  await enqueue(
    queues,
    "automation.escalate",
    { tenantId: escalation.tenantId, taskId: escalation.taskId, step: escalation.step },
    { jobId: escalationJobId(escalation.taskId, escalation.step), delayMs: Math.max(0, escalation.dueAt - now) },
  );
}

/**
 * Removes a task's pending escalation job (acknowledged, completed or cancelled); true when no such
 * job is left (removed, or there was none). Best effort: a job already running, or one Redis cannot
 * reach, finds the task no longer open and does nothing.
 */
export async function cancelEscalation(queues: QueueSet, taskId: string, step: number): Promise<boolean> {
  try {
    const removed = await queues.get(jobCatalog["automation.escalate"].queue).remove(escalationJobId(taskId, step));
    return removed === 1;
  } catch {
    return false;
  }
}

/** A STATE_DURATION rule's check of one stretch, at the time it would fire. */
export async function scheduleStateDue(
  queues: QueueSet,
  check: { tenantId: string; ruleId: string; workCenterId: string; sinceMs: number; dueAt: number },
  now = Date.now(),
): Promise<void> {
  await enqueue(
    queues,
    "automation.state-due",
    {
      tenantId: check.tenantId,
      ruleId: check.ruleId,
      workCenterId: check.workCenterId,
      since: new Date(check.sinceMs).toISOString(),
    },
    {
      jobId: stateDueJobId(check.ruleId, check.workCenterId, check.sinceMs, check.dueAt),
      delayMs: Math.max(0, check.dueAt - now),
    },
  );
}

/** One delivery attempt of a notification; `attempt` is how many were made before, so each retry is its own job. */
export async function enqueueDelivery(
  queues: QueueSet,
  delivery: { tenantId: string; notificationId: string; attempt: number; at: number },
  now = Date.now(),
): Promise<void> {
  await enqueue(
    queues,
    "automation.deliver",
    { tenantId: delivery.tenantId, notificationId: delivery.notificationId },
    { jobId: deliveryJobId(delivery.notificationId, delivery.attempt), delayMs: Math.max(0, delivery.at - now) },
  );
}
