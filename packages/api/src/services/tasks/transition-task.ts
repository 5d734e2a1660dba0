import { recordAudit } from "@gemba/db/audit/record-audit";
import type { TTaskStatus } from "@gemba/domain/decisions/decision-kinds";
import { AppError } from "@gemba/domain/errors";
import type { TRole } from "@gemba/domain/roles";
import { cancelEscalation } from "@gemba/jobs/automation";
import type { QueueSet } from "@gemba/jobs/queue";
import type { TenantActor } from "../scope";
import { mayAct, planTransition, type TTaskAction } from "./task-rules";
import { TASK_SELECT, type TTaskView, toTaskViews } from "./task-view";

export type TTaskChange =
  | { action: "acknowledge" }
  | { action: "complete"; resolution: string }
  | { action: "cancel"; reason: string };

const verbs: Record<TTaskAction, string> = { acknowledge: "Acknowledged", complete: "Completed", cancel: "Cancelled" };

/**
 * Where to remove a rule task's pending escalation job once the change is committed. Optional: the
 * escalation job finds the task no longer open and does nothing, so this only saves Redis a job.
 */
export type TEscalationJobs = { afterCommit: (effect: () => Promise<void>) => void; queues: QueueSet };

/**
 * Acknowledges, completes or cancels a task, once. The update only applies from the statuses the
 * action starts from, so two people (or one tablet twice) acting at the same moment change and
 * audit it once; the later one sees the no-op or a refusal saying what happened.
 */
export async function changeTask(
  actor: TenantActor,
  taskId: string,
  change: TTaskChange,
  options: { now?: number; checkPermission?: boolean; escalationJobs?: TEscalationJobs } = {},
): Promise<{ task: TTaskView; changed: boolean }> {
  const { tx, tenantId, userId } = actor;
  const now = options.now ?? Date.now();
  const applied = await applyChange(actor, taskId, change, options.checkPermission ?? true, now);
  const jobs = options.escalationJobs;
  if (applied && applied.pendingEscalationStep !== null && jobs) {
    const step = applied.pendingEscalationStep;
    jobs.afterCommit(async () => {
      await cancelEscalation(jobs.queues, taskId, step);
    });
  }
  const row = await tx.task.findUniqueOrThrow({
    where: { tenantId_id: { tenantId, id: taskId } },
    select: TASK_SELECT,
  });
  const [task] = await toTaskViews(tx, [row], { userId, role: actor.role }, now);
  if (!task) throw new Error("task view missing");
  return { task, changed: applied !== null };
}

async function applyChange(
  actor: TenantActor,
  taskId: string,
  change: TTaskChange,
  checkPermission: boolean,
  now: number,
): Promise<{ pendingEscalationStep: number | null } | null> {
  const { tx, tenantId, userId } = actor;
  // Twice at most: a concurrent change between the read and the update is re-planned once.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const task = await tx.task.findFirst({
      where: { id: taskId },
      select: {
        status: true,
        title: true,
        assigneeUserId: true,
        assigneeRole: true,
        escalationStep: true,
        nextEscalationAt: true,
      },
    });
    if (!task) throw new AppError("NOT_FOUND", "This task does not exist in your plant. Reload the inbox.");
    const assignment = { assigneeUserId: task.assigneeUserId, assigneeRole: task.assigneeRole as TRole | null };
    if (checkPermission && !mayAct(assignment, { userId, role: actor.role }, change.action)) {
      throw new AppError(
        "FORBIDDEN",
        change.action === "cancel"
          ? "Only managers can cancel tasks."
          : "This task is assigned to someone else. Ask them or a manager.",
      );
    }
    const plan = planTransition(task.status as TTaskStatus, change.action);
    if (plan.kind === "noop") return null;
    if (plan.kind === "refuse") throw new AppError("CONFLICT", plan.message);

    const at = new Date(now);
    // Acknowledging (or closing) a task stops its escalation: nobody needs to be told any more.
    const data =
      change.action === "acknowledge"
        ? { status: plan.to, acknowledgedAt: at, acknowledgedById: userId, nextEscalationAt: null }
        : change.action === "complete"
          ? {
              status: plan.to,
              completedAt: at,
              completedById: userId,
              resolution: change.resolution,
              nextEscalationAt: null,
            }
          : {
              status: plan.to,
              completedAt: at,
              completedById: userId,
              resolution: change.reason,
              nextEscalationAt: null,
            };
    const updated = await tx.task.updateMany({ where: { id: taskId, status: { in: [...plan.from] } }, data });
    if (updated.count === 0) continue;
    const note = change.action === "complete" ? change.resolution : change.action === "cancel" ? change.reason : null;
    await recordAudit(tx, {
      tenantId,
      actorId: userId,
      action: `task.${change.action}`,
      entityType: "Task",
      entityId: taskId,
      summary: `${verbs[change.action]} the task "${task.title}"${note ? `: ${note.slice(0, 200)}` : ""}`,
      before: { status: task.status },
      after: { status: plan.to, ...(note ? { resolution: note } : {}) },
    });
    return { pendingEscalationStep: task.nextEscalationAt ? task.escalationStep + 1 : null };
  }
  throw new AppError("CONFLICT", "Someone changed this task at the same moment. Reload the inbox and try again.");
}
