import type { Tx } from "../../tenant-scope";
import { loadBucketSeries, loadTelemetrySeries, type TSignalSeries } from "./signal-series";
import { loadOrderRuns, loadShiftLookup, type TDetectorWorkCenter } from "./work-center-context";

export type TWorkCenterSignals = {
  workCenter: TDetectorWorkCenter;
  signals: TSignalSeries[];
  /** The shift at an instant, for baselines per shift ("Early"); null outside shifts. */
  shiftAt: (time: number) => string | null;
};

/** Cycle time, scrap rate and every telemetry tag of each work center from `from`, as known at `until`. */
export async function loadWorkCenterSignals(
  tx: Tx,
  workCenters: readonly TDetectorWorkCenter[],
  from: number,
  until: number,
): Promise<TWorkCenterSignals[]> {
  if (workCenters.length === 0) return [];
  const ids = workCenters.map((wc) => wc.id);
  const runs = await loadOrderRuns(tx, ids, from, until);
  const buckets = await loadBucketSeries(tx, ids, runs, from, until);
  const telemetry = await loadTelemetrySeries(tx, ids, runs, from, until);
  const shiftLookups = new Map<string, (time: number) => string | null>();
  for (const wc of workCenters) {
    if (!shiftLookups.has(wc.site.siteId))
      shiftLookups.set(wc.site.siteId, await loadShiftLookup(tx, wc.site, from, until));
  }
  return workCenters.map((workCenter) => ({
    workCenter,
    signals: [...(buckets.get(workCenter.id) ?? []), ...(telemetry.get(workCenter.id) ?? [])],
    shiftAt: shiftLookups.get(workCenter.site.siteId) ?? (() => null),
  }));
}
