import type { TenantActor } from "../services/scope";
import { createTask } from "../services/tasks/create-task";
import { listInbox } from "../services/tasks/list-inbox";
import {
  ZCancelTaskInput,
  ZCompleteTaskInput,
  ZCreateTaskInput,
  ZInboxInput,
  ZTaskRefInput,
} from "../services/tasks/task-inputs";
import { changeTask, type TEscalationJobs } from "../services/tasks/transition-task";
import { managerProcedure, router, tenantProcedure } from "../trpc";

type TTenantCtx = { tx: TenantActor["tx"]; session: { userId: string }; tenant: Omit<TenantActor, "tx" | "userId"> };

function actorOf(ctx: TTenantCtx): TenantActor {
  return { tx: ctx.tx, userId: ctx.session.userId, ...ctx.tenant };
}

type TEscalationCtx = { afterCommit: TEscalationJobs["afterCommit"]; platform?: { queues: TEscalationJobs["queues"] } };

/** Closing or taking a rule's task removes its pending escalation job once the change is committed. */
function escalationJobsOf(ctx: TEscalationCtx): { escalationJobs?: TEscalationJobs } {
  return ctx.platform ? { escalationJobs: { afterCommit: ctx.afterCommit, queues: ctx.platform.queues } } : {};
}

/**
 * Who must do what next. Every member has an inbox and acts on their tasks (operators at the
 * machine); managers see and cancel any. Each action is idempotent and audited.
 */
export const tasksRouter = router({
  inbox: tenantProcedure.input(ZInboxInput).query(({ ctx, input }) => listInbox(actorOf(ctx), input)),
  create: tenantProcedure.input(ZCreateTaskInput).mutation(({ ctx, input }) => createTask(actorOf(ctx), input)),
  acknowledge: tenantProcedure
    .input(ZTaskRefInput)
    .mutation(
      async ({ ctx, input }) =>
        (await changeTask(actorOf(ctx), input.taskId, { action: "acknowledge" }, escalationJobsOf(ctx))).task,
    ),
  complete: tenantProcedure
    .input(ZCompleteTaskInput)
    .mutation(
      async ({ ctx, input }) =>
        (
          await changeTask(
            actorOf(ctx),
            input.taskId,
            { action: "complete", resolution: input.resolution },
            escalationJobsOf(ctx),
          )
        ).task,
    ),
  cancel: managerProcedure
    .input(ZCancelTaskInput)
    .mutation(
      async ({ ctx, input }) =>
        (
          await changeTask(
            actorOf(ctx),
            input.taskId,
            { action: "cancel", reason: input.reason },
            escalationJobsOf(ctx),
          )
        ).task,
    ),
});
