import { draftDueHandovers } from "@gemba/db/handover/draft-due-handovers";
import type { JobHandler } from "./types";

/**
 * Drafts the handover of every shift that ended in the last two hours without one, so the
 * outgoing lead finds the figures ready to edit and sign. A site that fails is logged and tried
 * again next minute; the other sites are drafted all the same.
 */
export const handoverDraftDue: JobHandler<"handover.draft-due"> = async (_payload, { db, log }) => {
  const result = await draftDueHandovers(db);
  for (const failure of result.failures) {
    log.warn({ tenantId: failure.tenantId, siteId: failure.siteId, err: failure.error }, "handover drafting failed");
  }
  if (result.created + result.refreshed > 0) {
    log.info({ created: result.created, refreshed: result.refreshed }, "drafted shift handovers");
  }
  return { sites: result.sites, created: result.created, refreshed: result.refreshed, failed: result.failures.length };
};
