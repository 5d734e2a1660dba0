import type { PlatformServices } from "../platform";
import { availableChecklists } from "../services/checklists/available-checklists";
import type { TChecklistActor } from "../services/checklists/checklist-actor";
import {
  ZAbandonRunInput,
  ZAvailableInput,
  ZCompleteRunInput,
  ZCreateTemplateInput,
  ZGetTemplateInput,
  ZListRunsInput,
  ZListTemplatesInput,
  ZPublishVersionInput,
  ZRecordAnswerInput,
  ZRunRefInput,
  ZSetArchivedInput,
  ZStartRunInput,
  ZUpdateDetailsInput,
  ZUploadMediaInput,
} from "../services/checklists/checklist-inputs";
import { abandonRun, completeRun } from "../services/checklists/finish-run";
import { getTemplate } from "../services/checklists/get-template";
import { listRuns } from "../services/checklists/list-runs";
import { listTemplates } from "../services/checklists/list-templates";
import { uploadMedia } from "../services/checklists/media";
import { recordAnswer } from "../services/checklists/record-answer";
import { getRun } from "../services/checklists/run-view";
import { createTemplate, publishVersion, setArchived, updateDetails } from "../services/checklists/save-template";
import { startRun } from "../services/checklists/start-run";
import type { TenantActor } from "../services/scope";
import { managerProcedure, router, tenantProcedure } from "../trpc";

type TTenantCtx = {
  tx: TenantActor["tx"];
  session: { userId: string };
  tenant: Omit<TenantActor, "tx" | "userId">;
  platform?: PlatformServices | undefined;
  afterCommit: (effect: () => Promise<void>) => void;
};

function actorOf(ctx: TTenantCtx): TChecklistActor {
  return {
    tx: ctx.tx,
    userId: ctx.session.userId,
    ...ctx.tenant,
    platform: ctx.platform,
    afterCommit: ctx.afterCommit,
  };
}

/** Managers write and version the plant's checklists and work instructions. */
const templatesRouter = router({
  list: managerProcedure.input(ZListTemplatesInput).query(({ ctx, input }) => listTemplates(ctx.tx, input)),
  get: managerProcedure
    .input(ZGetTemplateInput)
    .query(({ ctx, input }) => getTemplate(ctx.tx, ctx.tenant.tenantId, input)),
  create: managerProcedure
    .input(ZCreateTemplateInput)
    .mutation(({ ctx, input }) => createTemplate(actorOf(ctx), input)),
  updateDetails: managerProcedure
    .input(ZUpdateDetailsInput)
    .mutation(({ ctx, input }) => updateDetails(actorOf(ctx), input)),
  publishVersion: managerProcedure
    .input(ZPublishVersionInput)
    .mutation(({ ctx, input }) => publishVersion(actorOf(ctx), input)),
  setArchived: managerProcedure.input(ZSetArchivedInput).mutation(({ ctx, input }) => setArchived(actorOf(ctx), input)),
  /** What can be started at a work center: every member (operators at the machine). */
  available: tenantProcedure
    .input(ZAvailableInput)
    .query(({ ctx, input }) => availableChecklists(ctx.tx, input.workCenterId)),
});

/** Runs at the machine: every member starts, answers, completes and abandons them. */
const runsRouter = router({
  list: tenantProcedure.input(ZListRunsInput).query(({ ctx, input }) => listRuns(ctx.tx, input)),
  get: tenantProcedure.input(ZRunRefInput).query(({ ctx, input }) => getRun(ctx.tx, ctx.tenant.tenantId, input.runId)),
  start: tenantProcedure.input(ZStartRunInput).mutation(({ ctx, input }) => startRun(actorOf(ctx), input)),
  recordAnswer: tenantProcedure
    .input(ZRecordAnswerInput)
    .mutation(({ ctx, input }) => recordAnswer(actorOf(ctx), input)),
  complete: tenantProcedure.input(ZCompleteRunInput).mutation(({ ctx, input }) => completeRun(actorOf(ctx), input)),
  abandon: tenantProcedure.input(ZAbandonRunInput).mutation(({ ctx, input }) => abandonRun(actorOf(ctx), input)),
});

/** Step images and run photos; served back by the web app's /api/media/[id] route. */
const mediaRouter = router({
  upload: tenantProcedure.input(ZUploadMediaInput).mutation(({ ctx, input }) => uploadMedia(actorOf(ctx), input)),
});

/** Guided execution: versioned checklists and work instructions, and their runs at the work centers. */
export const checklistsRouter = router({
  templates: templatesRouter,
  runs: runsRouter,
  media: mediaRouter,
});
