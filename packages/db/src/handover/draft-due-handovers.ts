import { DRAFT_DUE_WINDOW_MS, draftMissesShiftEnd, shiftsEndedWithin } from "@gemba/domain/handover/handover-shifts";
import type { Database } from "../client";
import { withTenant } from "../tenant-scope";
import { draftHandover } from "./draft-handover";
import { loadSiteShifts } from "./site-shifts";

export type TDraftDueResult = {
  sites: number;
  created: number;
  refreshed: number;
  /** Sites whose drafting failed; the others were drafted all the same. */
  failures: { tenantId: string; siteId: string; error: unknown }[];
};

/**
 * The minute job's work: for every site with a shift calendar (from the cross-tenant directory,
 * ids only), the shifts that ended in the last two hours get a draft handover when they have
 * none, or when theirs was drafted before the shift ended ("Draft now" during the shift). Each
 * site runs in its own tenant transaction, so one failing site holds up no other.
 */
export async function draftDueHandovers(db: Database, now = Date.now()): Promise<TDraftDueResult> {
  const { rows } = await db.pool.query<{ tenantId: string; id: string }>(
    `SELECT "tenantId", id FROM gemba_handover_site_directory()`,
  );
  const result: TDraftDueResult = { sites: rows.length, created: 0, refreshed: 0, failures: [] };
  for (const { tenantId, id: siteId } of rows) {
    try {
      const outcomes = await withTenant(db.prisma, tenantId, async (tx) => {
        const site = await tx.site.findFirst({ where: { id: siteId }, select: { timeZone: true } });
        if (!site) return [];
        const ended = shiftsEndedWithin(
          await loadSiteShifts(tx, { siteId, timeZone: site.timeZone }, now - DRAFT_DUE_WINDOW_MS, now),
          now,
        );
        if (ended.length === 0) return [];
        const existing = await tx.shiftHandover.findMany({
          where: { siteId, shiftStart: { in: ended.map((shift) => new Date(shift.start)) } },
          select: { shiftStart: true, status: true, draftedAt: true },
        });
        const byStart = new Map(existing.map((handover) => [handover.shiftStart.getTime(), handover]));
        const due = ended.filter((shift) => {
          const handover = byStart.get(shift.start);
          return (
            !handover || (handover.status === "DRAFT" && draftMissesShiftEnd(handover.draftedAt.getTime(), shift.end))
          );
        });
        const drafted = [];
        for (const shift of due) drafted.push(await draftHandover(tx, { tenantId, siteId, shift, now }));
        return drafted;
      });
      for (const outcome of outcomes) {
        if (outcome.outcome === "created") result.created += 1;
        if (outcome.outcome === "refreshed") result.refreshed += 1;
      }
    } catch (error) {
      result.failures.push({ tenantId, siteId, error });
    }
  }
  return result;
}
