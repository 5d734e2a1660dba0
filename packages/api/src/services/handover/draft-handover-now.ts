import { draftHandover, type TDraftOutcome } from "@gemba/db/handover/draft-handover";
import { AppError } from "@gemba/domain/errors";
import type { THandoverStatus } from "@gemba/domain/handover/handover-summary";
import type { TenantActor } from "../scope";
import type { THandoverSiteInput } from "./handover-inputs";
import { resolveHandoverSite } from "./resolve-handover-site";
import { shiftToDraft } from "./shift-to-draft";

/**
 * "Draft now": drafts the handover of the shift that just ended (until it is signed), else of the
 * running shift (the lead writes it before the end; the worker drafts it again once the shift is
 * over, notes kept), else of the last one. A signed handover is left as signed, and the answer says so.
 */
export async function draftHandoverNow(
  actor: TenantActor,
  input: THandoverSiteInput,
  now = Date.now(),
): Promise<{ handoverId: string; outcome: TDraftOutcome; status: THandoverStatus }> {
  const { tx, tenantId } = actor;
  const site = await resolveHandoverSite(tx, input.siteId);
  if (!site) throw new AppError("NOT_FOUND", "Your plant has no site yet: an admin sets up the plant first.");
  const shift = await shiftToDraft(tx, site, now);
  if (!shift) {
    throw new AppError(
      "BAD_REQUEST",
      `${site.name} has no shift in the last week, so there is nothing to hand over. An admin sets up shifts under Admin → Calendar.`,
    );
  }
  return draftHandover(tx, { tenantId, siteId: site.id, shift, now });
}
