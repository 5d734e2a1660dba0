import { MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import { buildSpcDrafts } from "@gemba/domain/insights/drafts/spc-drafts";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import type { TInsightDetector } from "../detector";
import { detectionWindows } from "../series/detection-windows";
import { loadWorkCenterSignals } from "../series/load-signals";
import { signalRefOf } from "../series/measures";
import { loadDetectorWorkCenters } from "../series/work-center-context";
import { evaluateSpcSignal } from "./evaluate-spc-signal";

/**
 * SPC on cycle time, scrap rate and every telemetry tag: individuals charts with limits from the
 * 14 days before the evaluated window, per work center and product, the four Western Electric
 * rules, one finding per excursion. Scrap only alarms upwards: less scrap than usual is good news.
 */
export const spcDetector: TInsightDetector = {
  kind: "SPC",
  name: "SPC on cycle time, scrap rate and telemetry",
  everyMs: 15 * MS_PER_MINUTE,
  eventDriven: true,
  async detect(tx, run) {
    const windows = detectionWindows(run.now);
    const workCenters = await loadDetectorWorkCenters(tx, run.workCenterIds);
    const loaded = await loadWorkCenterSignals(tx, workCenters, windows.baselineFrom, run.now);
    const drafts: TInsightDraft[] = [];
    for (const { workCenter, signals } of loaded) {
      for (const series of signals) {
        const signal = signalRefOf(series.measure, series.unit);
        for (const chart of evaluateSpcSignal(series, signal, { ...windows, to: run.now })) {
          if (!chart.limits) continue;
          drafts.push(
            ...buildSpcDrafts({
              workCenter,
              product: chart.product,
              signal,
              limits: chart.limits,
              points: chart.points,
              violations: chart.violations,
              reportFrom: windows.reportFrom,
              now: run.now,
              timeZone: workCenter.site.timeZone,
              sides: series.measure.kind === "SCRAP_RATE" ? ["ABOVE"] : ["ABOVE", "BELOW"],
            }),
          );
        }
      }
    }
    return drafts;
  },
};
