/**
 * Recurring downtime: reasons that concentrate in one value of a dimension (a shift, a product, a
 * weekday, an hour, right after changeovers). A value's rate is its stops per planned hour; lift is
 * that rate over the reason's overall rate, so a Night shift with less planned time is not blamed
 * for fewer stops, nor excused for its share.
 *
 * Significance: the exact conditional binomial test (see binomial-tail.ts), Bonferroni-corrected
 * over every value tested in the call. That is conservative on purpose: a detector that cries wolf
 * on noise gets dismissed, and a real pattern keeps recurring until it is strong enough to show.
 *
 * One call covers one scope (a work center or a line): stops and exposure must describe the same one.
 */
import { binomialUpperTail } from "./binomial-tail";

export const PATTERN_DIMENSIONS = ["shift", "product", "weekday", "hour", "afterChangeover"] as const;
export type TPatternDimension = (typeof PATTERN_DIMENSIONS)[number];

export type TDowntimeStop = {
  workCenterId: string;
  start: number;
  end: number;
  /** Unclassified stops (null) are left out: "no reason" recurring is a discipline issue, not a pattern. */
  reasonCode: string | null;
  shiftName: string | null;
  productId: string | null;
  /** ISO weekday, 1 = Monday … 7 = Sunday, in the plant's time zone. */
  weekday: number;
  /** Local hour of the stop's start, 0–23. */
  hour: number;
  afterChangeover: boolean;
};

/** Planned milliseconds per value, per dimension; a dimension left out is not analysed. */
export type TPlannedExposure = Partial<Record<TPatternDimension, Record<string, number>>>;

export type TDowntimePattern = {
  reasonCode: string;
  dimension: TPatternDimension;
  value: string;
  /** Stops of this reason in this value, and of this reason in every value with planned time. */
  count: number;
  reasonTotal: number;
  /** This value's share of the planned time, 0–1. */
  exposureShare: number;
  expectedCount: number;
  ratePerPlannedHour: number;
  overallRatePerPlannedHour: number;
  lift: number;
  pValue: number;
  /** Ranking: lift × support, so a strong pattern seen often beats a freak pair. */
  score: number;
  workCenterIds: string[];
};

export type TPatternOptions = { minSupport?: number; minLift?: number; alpha?: number };

const HOUR_MS = 3_600_000;

/** A stop's value in a dimension, as exposure keys it: "Night", "<productId>", "1"…"7", "0"…"23", "yes"/"no". */
export function dimensionValueOf(stop: TDowntimeStop, dimension: TPatternDimension): string | null {
  switch (dimension) {
    case "shift":
      return stop.shiftName;
    case "product":
      return stop.productId;
    case "weekday":
      return String(stop.weekday);
    case "hour":
      return String(stop.hour);
    case "afterChangeover":
      return stop.afterChangeover ? "yes" : "no";
  }
}

type TCandidate = Omit<TDowntimePattern, "pValue" | "score"> & { pValue: number };

export function findRecurringDowntime(
  stops: readonly TDowntimeStop[],
  exposure: TPlannedExposure,
  options: TPatternOptions = {},
): TDowntimePattern[] {
  const minSupport = options.minSupport ?? 5;
  const minLift = options.minLift ?? 1.5;
  const alpha = options.alpha ?? 0.05;
  const byReason = new Map<string, TDowntimeStop[]>();
  for (const stop of stops) {
    if (stop.reasonCode === null) continue;
    byReason.set(stop.reasonCode, [...(byReason.get(stop.reasonCode) ?? []), stop]);
  }
  const candidates: TCandidate[] = [];
  let testsRun = 0;
  for (const [reasonCode, reasonStops] of byReason) {
    for (const dimension of PATTERN_DIMENSIONS) {
      const plannedByValue = Object.entries(exposure[dimension] ?? {}).filter(([, ms]) => ms > 0);
      const totalPlannedMs = plannedByValue.reduce((sum, [, ms]) => sum + ms, 0);
      const planned = new Map(plannedByValue);
      // Stops whose value had no planned time (bad data, or outside the scope) cannot be rated.
      const rated = reasonStops.filter((stop) => planned.has(dimensionValueOf(stop, dimension) ?? ""));
      if (rated.length < minSupport || planned.size < 2) continue;
      testsRun += planned.size;
      for (const [value, plannedMs] of planned) {
        const inValue = rated.filter((stop) => dimensionValueOf(stop, dimension) === value);
        if (inValue.length < minSupport) continue;
        const exposureShare = plannedMs / totalPlannedMs;
        candidates.push({
          reasonCode,
          dimension,
          value,
          count: inValue.length,
          reasonTotal: rated.length,
          exposureShare,
          expectedCount: rated.length * exposureShare,
          ratePerPlannedHour: inValue.length / (plannedMs / HOUR_MS),
          overallRatePerPlannedHour: rated.length / (totalPlannedMs / HOUR_MS),
          lift: inValue.length / rated.length / exposureShare,
          pValue: binomialUpperTail(inValue.length, rated.length, exposureShare),
          workCenterIds: [...new Set(inValue.map((stop) => stop.workCenterId))].sort(),
        });
      }
    }
  }
  const threshold = alpha / Math.max(1, testsRun);
  return candidates
    .filter((candidate) => candidate.lift >= minLift && candidate.pValue <= threshold)
    .map((candidate) => ({ ...candidate, score: candidate.lift * candidate.count }))
    .sort((a, b) => b.score - a.score || a.pValue - b.pValue);
}
