import type { Context } from "../context";
import { dryRunRule } from "../services/rules/dry-run-rule";
import { listRuleRuns } from "../services/rules/list-rule-runs";
import { listRules } from "../services/rules/list-rules";
import { listNotifications, retryNotification } from "../services/rules/notifications";
import {
  ZCreateRuleInput,
  ZDryRunInput,
  ZNotificationsInput,
  ZRetryNotificationInput,
  ZRetrySignalInput,
  ZRuleRefInput,
  ZRunsInput,
  ZSetRuleEnabledInput,
  ZUpdateRuleInput,
} from "../services/rules/rule-inputs";
import { getRuleOptions } from "../services/rules/rule-options";
import { getRule } from "../services/rules/rule-view";
import { createRule, deleteRule, setRuleEnabled, updateRule } from "../services/rules/save-rule";
import { listStuckSignals, retryStuckSignal } from "../services/rules/stuck-signals";
import type { TenantActor } from "../services/scope";
import { managerProcedure, router } from "../trpc";

type TRulesCtx = Context & {
  tx: TenantActor["tx"];
  session: { userId: string };
  tenant: Omit<TenantActor, "tx" | "userId">;
  afterCommit: (effect: () => Promise<void>) => void;
};

const actorOf = (ctx: TRulesCtx): TenantActor => ({ tx: ctx.tx, userId: ctx.session.userId, ...ctx.tenant });

/**
 * Automation rules (when → only if → then), their dry run against the last 24 hours, their run
 * history and the notifications they sent. Managers read and edit; every change is audited.
 */
export const rulesRouter = router({
  list: managerProcedure.query(({ ctx }) => listRules(ctx.tx)),
  get: managerProcedure.input(ZRuleRefInput).query(({ ctx, input }) => getRule(ctx.tx, input.ruleId)),
  options: managerProcedure.query(({ ctx }) => getRuleOptions(ctx.tx, ctx.tenant.tenantId)),
  create: managerProcedure.input(ZCreateRuleInput).mutation(({ ctx, input }) => createRule(actorOf(ctx), input)),
  update: managerProcedure.input(ZUpdateRuleInput).mutation(({ ctx, input }) => updateRule(actorOf(ctx), input)),
  setEnabled: managerProcedure
    .input(ZSetRuleEnabledInput)
    .mutation(({ ctx, input }) => setRuleEnabled(actorOf(ctx), input)),
  delete: managerProcedure.input(ZRuleRefInput).mutation(({ ctx, input }) => deleteRule(actorOf(ctx), input)),
  // A mutation only because the draft can be large (no URL length limit); it reads and writes nothing.
  dryRun: managerProcedure.input(ZDryRunInput).mutation(({ ctx, input }) => dryRunRule(actorOf(ctx), input)),
  runs: managerProcedure.input(ZRunsInput).query(({ ctx, input }) => listRuleRuns(ctx.tx, input)),
  notifications: managerProcedure
    .input(ZNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx.tx, input)),
  retryNotification: managerProcedure
    .input(ZRetryNotificationInput)
    .mutation(({ ctx, input }) =>
      retryNotification({ ...actorOf(ctx), platform: ctx.platform, afterCommit: ctx.afterCommit }, input),
    ),
  stuckSignals: managerProcedure.query(({ ctx }) => listStuckSignals(ctx.tx)),
  retrySignal: managerProcedure
    .input(ZRetrySignalInput)
    .mutation(({ ctx, input }) => retryStuckSignal(actorOf(ctx), input)),
});
