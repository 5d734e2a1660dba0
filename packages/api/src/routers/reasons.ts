import type { Context } from "../context";
import { getReasonTree } from "../services/reasons/get-reason-tree";
import {
  ZCreateCategoryInput,
  ZCreateReasonInput,
  ZDeleteCategoryInput,
  ZRenameCategoryInput,
  ZReorderCategoriesInput,
  ZReorderReasonsInput,
  ZSetReasonActiveInput,
  ZUpdateReasonInput,
} from "../services/reasons/reason-schemas";
import { createCategory, deleteCategory, renameCategory, reorderCategories } from "../services/reasons/save-category";
import { createReason, reorderReasons, setReasonActive, updateReason } from "../services/reasons/save-reason";
import type { TSettingsActor } from "../services/reasons/settings-actor";
import type { TenantActor } from "../services/scope";
import { listWorkCenterThresholds } from "../services/work-center-settings/list-work-center-thresholds";
import { setWorkCenterThresholds } from "../services/work-center-settings/set-work-center-thresholds";
import { ZSetWorkCenterThresholdsInput } from "../services/work-center-settings/threshold-schemas";
import { adminProcedure, router } from "../trpc";

type SettingsCtx = Context & {
  tx: TenantActor["tx"];
  session: { userId: string };
  tenant: Omit<TenantActor, "tx" | "userId">;
  afterCommit: TSettingsActor["afterCommit"];
};

const actorOf = (ctx: SettingsCtx): TSettingsActor => ({
  tx: ctx.tx,
  userId: ctx.session.userId,
  ...ctx.tenant,
  platform: ctx.platform,
  afterCommit: ctx.afterCommit,
});

/**
 * Admin → Reason codes and Admin → Work centers: the settings the execution derivation reads.
 * Changes that alter how past time is counted re-derive it in the background. Thin: services work.
 */
export const reasonsRouter = router({
  tree: adminProcedure.query(({ ctx }) => getReasonTree(ctx.tx)),
  createCategory: adminProcedure
    .input(ZCreateCategoryInput)
    .mutation(({ ctx, input }) => createCategory(actorOf(ctx), input)),
  renameCategory: adminProcedure
    .input(ZRenameCategoryInput)
    .mutation(({ ctx, input }) => renameCategory(actorOf(ctx), input)),
  reorderCategories: adminProcedure
    .input(ZReorderCategoriesInput)
    .mutation(({ ctx, input }) => reorderCategories(actorOf(ctx), input)),
  deleteCategory: adminProcedure
    .input(ZDeleteCategoryInput)
    .mutation(({ ctx, input }) => deleteCategory(actorOf(ctx), input)),
  createReason: adminProcedure
    .input(ZCreateReasonInput)
    .mutation(({ ctx, input }) => createReason(actorOf(ctx), input)),
  updateReason: adminProcedure
    .input(ZUpdateReasonInput)
    .mutation(({ ctx, input }) => updateReason(actorOf(ctx), input)),
  setReasonActive: adminProcedure
    .input(ZSetReasonActiveInput)
    .mutation(({ ctx, input }) => setReasonActive(actorOf(ctx), input)),
  reorderReasons: adminProcedure
    .input(ZReorderReasonsInput)
    .mutation(({ ctx, input }) => reorderReasons(actorOf(ctx), input)),
  workCenterThresholds: adminProcedure.query(({ ctx }) => listWorkCenterThresholds(ctx.tx)),
  setWorkCenterThresholds: adminProcedure
    .input(ZSetWorkCenterThresholdsInput)
    .mutation(({ ctx, input }) => setWorkCenterThresholds(actorOf(ctx), input)),
});
