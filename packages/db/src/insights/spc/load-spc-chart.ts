import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import { AppError } from "@gemba/domain/errors";
import type { Tx } from "../../tenant-scope";
import type { TSpcChart, TSpcMeasure, TSpcSignalOption } from "../charts";
import { BASELINE_MS } from "../series/detection-windows";
import { loadWorkCenterSignals } from "../series/load-signals";
import { measureKey, sameMeasure, signalRefOf } from "../series/measures";
import { loadDetectorWorkCenters } from "../series/work-center-context";
import { evaluateSpcSignal } from "./evaluate-spc-signal";

export const MAX_SPC_CHART_DAYS = 31;
/** How far back the signal picker looks for signals that have data. */
const SIGNAL_LOOKBACK_MS = 14 * MS_PER_DAY;

async function requireWorkCenter(tx: Tx, workCenterId: string) {
  const [workCenter] = await loadDetectorWorkCenters(tx, [workCenterId]);
  if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  return workCenter;
}

/** The signals of a work center with data in the last two weeks: cycle time, scrap rate, then tags A–Z. */
export async function listSpcSignals(tx: Tx, workCenterId: string, now = Date.now()): Promise<TSpcSignalOption[]> {
  const workCenter = await requireWorkCenter(tx, workCenterId);
  const [loaded] = await loadWorkCenterSignals(tx, [workCenter], now - SIGNAL_LOOKBACK_MS, now);
  const order = (measure: TSpcMeasure) =>
    measure.kind === "TELEMETRY" ? `2:${measure.tag}` : `${measure.kind === "CYCLE_TIME" ? 0 : 1}`;
  return (loaded?.signals ?? [])
    .filter((series) => series.points.length > 0)
    .sort((a, b) => order(a.measure).localeCompare(order(b.measure)))
    .map((series) => {
      const signal = signalRefOf(series.measure, series.unit);
      return { measure: series.measure, label: signal.label, unit: signal.unit ?? null, points: series.points.length };
    });
}

/**
 * The control chart of one signal over [from, to]: limits from the 14 days before `from` (the
 * same baseline length the detector uses), the rules on the period, one segment per product.
 */
export async function loadSpcChart(
  tx: Tx,
  input: { workCenterId: string; measure: TSpcMeasure; from: number; to: number },
): Promise<TSpcChart> {
  const { from, to, measure } = input;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) {
    throw new AppError("BAD_REQUEST", "The period must end after it starts.");
  }
  if (to - from > MAX_SPC_CHART_DAYS * MS_PER_DAY) {
    throw new AppError("BAD_REQUEST", `Choose a period of at most ${MAX_SPC_CHART_DAYS} days.`);
  }
  const workCenter = await requireWorkCenter(tx, input.workCenterId);
  const [loaded] = await loadWorkCenterSignals(tx, [workCenter], from - BASELINE_MS, to);
  const series = loaded?.signals.find((candidate) => sameMeasure(candidate.measure, measure));
  const signal = signalRefOf(measure, series?.unit ?? null);
  if (!series) {
    throw new AppError(
      "NOT_FOUND",
      `${workCenter.code} has no ${signal.label.toLowerCase()} data (${measureKey(measure)}) in this period.`,
    );
  }
  const segments = evaluateSpcSignal(series, signal, { baselineFrom: from - BASELINE_MS, evaluateFrom: from, to });
  return {
    workCenterId: workCenter.id,
    measure,
    label: signal.label,
    unit: signal.unit ?? null,
    from,
    to,
    segments: segments.map((segment) => ({
      productId: segment.product?.id ?? null,
      productName: segment.product?.name ?? null,
      limits: segment.limits,
      refusal: segment.refusal,
      points: segment.points,
      violations: segment.violations.map(({ rule, side, times, explanation }) => ({ rule, side, times, explanation })),
    })),
  };
}
