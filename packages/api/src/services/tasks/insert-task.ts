import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import type { TTaskPriority } from "@gemba/domain/decisions/decision-kinds";
import type { TRole } from "@gemba/domain/roles";

export type TNewTask = {
  title: string;
  detail?: string | null;
  priority?: TTaskPriority;
  assigneeRole?: TRole | null;
  assigneeUserId?: string | null;
  workCenterId?: string | null;
  dueAt?: Date | null;
  source: string;
  sourceId?: string | null;
  idempotencyKey: string;
};

/**
 * Creates a task unless one with the same key exists, and audits the creation. `ON CONFLICT DO
 * NOTHING` rather than look-then-insert: two requests racing with one key wait on each other in
 * Postgres, and the second finds the first's task instead of failing.
 */
export async function insertTaskOnce(
  tx: Tx,
  actor: { tenantId: string; userId: string | null },
  task: TNewTask,
): Promise<{ id: string; created: boolean }> {
  const [inserted] = await tx.task.createManyAndReturn({
    data: [{ tenantId: actor.tenantId, createdById: actor.userId, ...task }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!inserted) {
    const existing = await tx.task.findUniqueOrThrow({
      where: { tenantId_idempotencyKey: { tenantId: actor.tenantId, idempotencyKey: task.idempotencyKey } },
      select: { id: true },
    });
    return { id: existing.id, created: false };
  }
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: "task.create",
    entityType: "Task",
    entityId: inserted.id,
    summary: `Created the task "${task.title}"${task.dueAt ? ` due ${task.dueAt.toISOString()}` : ""}`,
    after: {
      title: task.title,
      source: task.source,
      sourceId: task.sourceId ?? null,
      assigneeUserId: task.assigneeUserId ?? null,
      assigneeRole: task.assigneeRole ?? null,
      workCenterId: task.workCenterId ?? null,
      dueAt: task.dueAt?.toISOString() ?? null,
      priority: task.priority ?? "NORMAL",
    },
  });
  return { id: inserted.id, created: true };
}
