import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import type { THandoverShift } from "@gemba/domain/handover/build-handover-summary";
import { shiftsOfTimeline } from "@gemba/domain/handover/handover-shifts";
import { loadCalendarInTx } from "../execution/load-calendar-in-tx";
import type { Tx } from "../tenant-scope";

/**
 * The shift instances of a site's calendar with time in [from, to), looked for a day further back:
 * a shift is at most a day long, so one whose end a holiday cut short is still found by its start.
 * A site without a shift pattern runs 24/7 and has no shifts (and so no handovers).
 */
export async function loadSiteShifts(
  tx: Tx,
  site: { siteId: string; timeZone: string },
  from: number,
  to: number,
): Promise<THandoverShift[]> {
  return shiftsOfTimeline(await loadCalendarInTx(tx, site, from - MS_PER_DAY, to)).filter(
    (shift) => shift.end > from && shift.start < to,
  );
}
