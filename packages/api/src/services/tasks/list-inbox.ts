import type { Prisma } from "@gemba/db/client";
import { AppError } from "@gemba/domain/errors";
import { roleAtLeast } from "@gemba/domain/roles";
import type { TenantActor } from "../scope";
import type { TInboxInput } from "./task-inputs";
import { TASK_SELECT, type TTaskView, toTaskViews } from "./task-view";

export type TInbox = {
  tasks: TTaskView[];
  /** More tasks matched than the limit: the list says so rather than hiding them silently. */
  truncated: boolean;
};

/**
 * The tasks a member should see: assigned to them, to their role, or to nobody in particular; or,
 * for one work center, every task there; or (managers) every task of the plant. Open ones come
 * soonest due first (no due date last), urgent before normal; closed ones most recently closed first.
 */
export async function listInbox(actor: TenantActor, input: TInboxInput, now = Date.now()): Promise<TInbox> {
  const { tx } = actor;
  if (input.workCenterId) {
    const workCenter = await tx.workCenter.findFirst({ where: { id: input.workCenterId }, select: { id: true } });
    if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  }
  if (input.scope === "all" && !input.workCenterId && !roleAtLeast(actor.role, "MANAGER")) {
    throw new AppError("FORBIDDEN", "Only managers see every task of the plant. Your own tasks are under “Mine”.");
  }
  const whose: Prisma.TaskWhereInput = input.workCenterId
    ? { workCenterId: input.workCenterId }
    : input.scope === "all"
      ? {}
      : {
          OR: [
            { assigneeUserId: actor.userId },
            { assigneeUserId: null, assigneeRole: actor.role },
            { assigneeUserId: null, assigneeRole: null },
          ],
        };
  const status: Prisma.TaskWhereInput =
    input.status === "open"
      ? { status: { in: ["OPEN", "ACKNOWLEDGED"] } }
      : input.status === "closed"
        ? { status: { in: ["DONE", "CANCELLED"] } }
        : {};
  const orderBy: Prisma.TaskOrderByWithRelationInput[] =
    input.status === "open"
      ? [{ dueAt: { sort: "asc", nulls: "last" } }, { priority: "desc" }, { createdAt: "desc" }]
      : [{ completedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }];
  const rows = await tx.task.findMany({
    where: { AND: [whose, status] },
    orderBy,
    take: input.limit + 1,
    select: TASK_SELECT,
  });
  const page = rows.slice(0, input.limit);
  return { tasks: await toTaskViews(tx, page, actor, now), truncated: rows.length > input.limit };
}
