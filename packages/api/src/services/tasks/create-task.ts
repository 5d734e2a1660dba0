import { randomUUID } from "node:crypto";
import { TASK_SOURCES } from "@gemba/domain/decisions/decision-kinds";
import { AppError } from "@gemba/domain/errors";
import { roleAtLeast } from "@gemba/domain/roles";
import type { TenantActor } from "../scope";
import { insertTaskOnce } from "./insert-task";
import type { TCreateTaskInput } from "./task-inputs";
import { TASK_SELECT, type TTaskView, toTaskViews } from "./task-view";

/**
 * A task someone creates by hand. Managers assign anyone in the plant, a role or a work center;
 * operators write tasks for themselves (a reminder at the machine). A re-sent request with the
 * same key returns the task created the first time.
 */
export async function createTask(actor: TenantActor, input: TCreateTaskInput, now = Date.now()): Promise<TTaskView> {
  const { tx, tenantId, userId } = actor;
  const manager = roleAtLeast(actor.role, "MANAGER");
  // Client keys live in their own namespace per person: they can never collide with a system key
  // (decision-review:…) nor return somebody else's task.
  const idempotencyKey = `manual:${userId}:${input.idempotencyKey ?? randomUUID()}`;

  const existing = await tx.task.findUnique({
    where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } },
    select: TASK_SELECT,
  });
  if (existing) return firstView(actor, existing, now);

  if (!manager && ((input.assigneeUserId && input.assigneeUserId !== userId) || input.assigneeRole)) {
    throw new AppError("FORBIDDEN", "Operators can only create tasks for themselves. Ask a manager to assign others.");
  }
  if (input.workCenterId) {
    const workCenter = await tx.workCenter.findFirst({ where: { id: input.workCenterId }, select: { id: true } });
    if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  }
  if (input.assigneeUserId && input.assigneeUserId !== userId) {
    const member = await tx.membership.findFirst({ where: { userId: input.assigneeUserId }, select: { id: true } });
    if (!member) throw new AppError("NOT_FOUND", "This person is not a member of your plant. Pick someone else.");
  }
  const assigneeUserId =
    input.assigneeUserId ?? (manager && (input.assigneeRole || input.workCenterId) ? null : userId);
  const dueAt = input.dueAt ? new Date(input.dueAt) : null;

  const { id } = await insertTaskOnce(
    tx,
    { tenantId, userId },
    {
      title: input.title,
      detail: input.detail || null,
      priority: input.priority,
      assigneeUserId,
      assigneeRole: input.assigneeRole ?? null,
      workCenterId: input.workCenterId ?? null,
      dueAt,
      source: TASK_SOURCES.manual,
      idempotencyKey,
    },
  );
  const row = await tx.task.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } }, select: TASK_SELECT });
  return firstView(actor, row, now);
}

async function firstView(
  actor: TenantActor,
  row: Parameters<typeof toTaskViews>[1][number],
  now: number,
): Promise<TTaskView> {
  const [view] = await toTaskViews(actor.tx, [row], actor, now);
  if (!view) throw new Error("task view missing");
  return view;
}
