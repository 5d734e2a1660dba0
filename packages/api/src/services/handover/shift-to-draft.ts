import { loadSiteShifts } from "@gemba/db/handover/site-shifts";
import type { Tx } from "@gemba/db/tenant-scope";
import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import type { THandoverShift } from "@gemba/domain/handover/build-handover-summary";
import { shiftToDraftNow } from "@gemba/domain/handover/handover-shifts";

/** How far back "Draft now" looks for the last shift (a long weekend, a holiday week). */
const DRAFT_LOOKBACK_MS = 7 * MS_PER_DAY;

/** The shift "Draft now" drafts at a site (see shiftToDraftNow), knowing which handovers are signed. */
export async function shiftToDraft(
  tx: Tx,
  site: { id: string; timeZone: string },
  now: number,
): Promise<THandoverShift | null> {
  const shifts = await loadSiteShifts(
    tx,
    { siteId: site.id, timeZone: site.timeZone },
    now - DRAFT_LOOKBACK_MS,
    now + 1,
  );
  if (shifts.length === 0) return null;
  const signed = await tx.shiftHandover.findMany({
    where: {
      siteId: site.id,
      status: { not: "DRAFT" },
      shiftStart: { in: shifts.map((shift) => new Date(shift.start)) },
    },
    select: { shiftStart: true },
  });
  const signedStarts = new Set(signed.map((handover) => handover.shiftStart.getTime()));
  return shiftToDraftNow(shifts, now, (shift) => signedStarts.has(shift.start));
}
