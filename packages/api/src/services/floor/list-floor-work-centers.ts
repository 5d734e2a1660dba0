import type { Tx } from "@gemba/db/tenant-scope";
import { loadLiveStates } from "../execution/load-live-states";
import { countStopsAwaitingReason } from "./work-center-stops";

export type TFloorPickTile = {
  id: string;
  code: string;
  name: string;
  sequence: number;
  line: { id: string; code: string; name: string };
  siteName: string;
  /** Null until the worker has derived a timeline for the work center. */
  state: { state: string; since: Date; unclassified: boolean } | null;
  /** Stops of the last day still waiting for an operator's reason. */
  stopsAwaitingReason: number;
};

/**
 * The tablet's work-center picker: every work center of the plant in line and flow order, with
 * its state and how many stops wait for a reason there (so the operator sees where to go first).
 */
export async function listFloorWorkCenters(tx: Tx, now = Date.now()): Promise<TFloorPickTile[]> {
  const workCenters = await tx.workCenter.findMany({
    orderBy: [{ line: { code: "asc" } }, { sequence: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      sequence: true,
      line: { select: { id: true, code: true, name: true, area: { select: { site: { select: { name: true } } } } } },
    },
  });
  const ids = workCenters.map((workCenter) => workCenter.id);
  const [live, awaiting] = [await loadLiveStates(tx, ids), await countStopsAwaitingReason(tx, ids, now)];
  return workCenters.map((workCenter) => {
    const state = live.get(workCenter.id);
    return {
      id: workCenter.id,
      code: workCenter.code,
      name: workCenter.name,
      sequence: workCenter.sequence,
      line: { id: workCenter.line.id, code: workCenter.line.code, name: workCenter.line.name },
      siteName: workCenter.line.area.site.name,
      state: state ? { state: state.state, since: state.since, unclassified: state.unclassified } : null,
      stopsAwaitingReason: awaiting.get(workCenter.id) ?? 0,
    };
  });
}
