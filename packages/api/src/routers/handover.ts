import {
  acknowledgeHandover,
  getHandover,
  signHandover,
  updateHandoverNotes,
} from "../services/handover/change-handover";
import { draftHandoverNow } from "../services/handover/draft-handover-now";
import { getCurrentHandover } from "../services/handover/get-current-handover";
import {
  ZAcknowledgeInput,
  ZHandoverRefInput,
  ZHandoverSiteInput,
  ZListHandoversInput,
  ZUpdateNotesInput,
} from "../services/handover/handover-inputs";
import { listHandovers } from "../services/handover/list-handovers";
import type { TenantActor } from "../services/scope";
import { router, tenantProcedure } from "../trpc";

type TTenantCtx = { tx: TenantActor["tx"]; session: { userId: string }; tenant: Omit<TenantActor, "tx" | "userId"> };

function actorOf(ctx: TTenantCtx): TenantActor {
  return { tx: ctx.tx, userId: ctx.session.userId, ...ctx.tenant };
}

/**
 * The shift handover that replaces the shift notebook. Any member may be a shift lead: anyone
 * drafts, writes the notes of a draft and signs it; someone other than the signer acknowledges.
 */
export const handoverRouter = router({
  current: tenantProcedure.input(ZHandoverSiteInput).query(({ ctx, input }) => getCurrentHandover(actorOf(ctx), input)),
  get: tenantProcedure.input(ZHandoverRefInput).query(({ ctx, input }) => getHandover(actorOf(ctx), input.handoverId)),
  list: tenantProcedure.input(ZListHandoversInput).query(({ ctx, input }) => listHandovers(actorOf(ctx), input)),
  draftNow: tenantProcedure
    .input(ZHandoverSiteInput)
    .mutation(({ ctx, input }) => draftHandoverNow(actorOf(ctx), input)),
  updateNotes: tenantProcedure
    .input(ZUpdateNotesInput)
    .mutation(({ ctx, input }) => updateHandoverNotes(actorOf(ctx), input)),
  sign: tenantProcedure
    .input(ZHandoverRefInput)
    .mutation(({ ctx, input }) => signHandover(actorOf(ctx), input.handoverId)),
  acknowledge: tenantProcedure
    .input(ZAcknowledgeInput)
    .mutation(({ ctx, input }) => acknowledgeHandover(actorOf(ctx), input)),
});
