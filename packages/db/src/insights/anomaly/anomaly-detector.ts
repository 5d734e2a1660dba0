import { MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import { detectAnomalies } from "@gemba/domain/insights/anomaly/detect-anomalies";
import { learnSegmentBaselines, type TSegmentedPoint } from "@gemba/domain/insights/anomaly/segment-baselines";
import { buildAnomalyDrafts } from "@gemba/domain/insights/drafts/anomaly-drafts";
import type { TProductRef } from "@gemba/domain/insights/drafts/draft-parts";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import type { TInsightDetector } from "../detector";
import { detectionWindows } from "../series/detection-windows";
import { loadWorkCenterSignals } from "../series/load-signals";
import { signalRefOf } from "../series/measures";
import type { TSignalPoint } from "../series/signal-series";
import { loadDetectorWorkCenters } from "../series/work-center-context";

/**
 * The baseline a reading is judged against: the same product on the same shift ("Flange Ø63 ·
 * Late"). Products have their own normal cycle and process values, and shifts differ in crews and
 * ambient conditions, so a changeover or a shift change is not an anomaly. The key is also the
 * words the explanation uses ("… its baseline 52.1 s for Flange Ø63 · Late").
 */
function segmentOf(point: TSignalPoint, shift: string | null): string {
  return `${point.productName ?? "no order"} · ${shift ?? "outside shifts"}`;
}

/**
 * EWMA change detection (λ 0.2, L 3) on cycle time, scrap rate and every telemetry tag, each
 * reading standardised by its product-and-shift baseline from the 14 days before the evaluated
 * window. An excursion stays one anomaly until 5 readings are back inside, and is keyed by its
 * start, so an open anomaly is updated on every pass instead of being raised again.
 */
export const anomalyDetector: TInsightDetector = {
  kind: "ANOMALY",
  name: "Anomalies in cycle time, scrap and telemetry (EWMA)",
  everyMs: 15 * MS_PER_MINUTE,
  eventDriven: true,
  async detect(tx, run) {
    const windows = detectionWindows(run.now);
    const workCenters = await loadDetectorWorkCenters(tx, run.workCenterIds);
    const loaded = await loadWorkCenterSignals(tx, workCenters, windows.baselineFrom, run.now);
    const drafts: TInsightDraft[] = [];
    for (const { workCenter, signals, shiftAt } of loaded) {
      for (const series of signals) {
        const signal = signalRefOf(series.measure, series.unit);
        const products = new Map<string, TProductRef>();
        const baseline: TSegmentedPoint[] = [];
        const current: TSegmentedPoint[] = [];
        for (const point of series.points) {
          if (point.t > run.now) continue;
          const segment = segmentOf(point, shiftAt(point.t));
          if (point.productId && point.productName)
            products.set(segment, { id: point.productId, name: point.productName });
          (point.t < windows.evaluateFrom ? baseline : current).push({ t: point.t, value: point.value, segment });
        }
        if (current.length === 0) continue;
        const { baselines } = learnSegmentBaselines(baseline);
        const { anomalies } = detectAnomalies(current, baselines, { method: "EWMA", signal });
        drafts.push(
          ...buildAnomalyDrafts({
            workCenter,
            signal,
            points: current,
            anomalies: series.measure.kind === "SCRAP_RATE" ? anomalies.filter((a) => a.direction === "UP") : anomalies,
            productOfSegment: (segment) => products.get(segment) ?? null,
            reportFrom: windows.reportFrom,
            now: run.now,
            timeZone: workCenter.site.timeZone,
          }),
        );
      }
    }
    return drafts;
  },
};
