/**
 * Daily features per work center for breakdown prediction. Counts come from upstream (failures =
 * DOWN intervals with an equipment-failure reason); this file only turns them into a 7-day view:
 * levels say "this machine is bad", trends say "this machine is getting worse", and the latter is
 * what precedes a breakdown.
 */

export const FEATURE_WINDOW_DAYS = 7;

export type TWorkCenterDay = {
  workCenterId: string;
  /** How people name it: "PRS-201". */
  workCenterLabel: string;
  /** Consecutive integers per calendar day (e.g. days since epoch of the site's local date). */
  dayIndex: number;
  failures: number;
  microStops: number;
  /** Daily summary of one telemetry tag, when the tenant has one for this work center. */
  telemetry?: { mean: number; max: number } | null;
};

/** Names the telemetry tag in explanations: { label: "spindle temperature", unit: "°C" }. */
export type TTelemetryTag = { label: string; unit: string };

export const COUNT_FEATURES = ["failures7d", "failureTrend", "microStopsPerDay", "microStopsTrend"] as const;
export const TELEMETRY_FEATURES = ["telemetryMean", "telemetryMax", "telemetryTrend"] as const;
export type TFeatureName = (typeof COUNT_FEATURES)[number] | (typeof TELEMETRY_FEATURES)[number];

export type TFeatureRow = {
  workCenterId: string;
  workCenterLabel: string;
  dayIndex: number;
  values: number[];
  /** 1 when a failure occurs within the next horizon days; null while those days are still ahead. */
  label: 0 | 1 | null;
};

export function featureNamesFor(withTelemetry: boolean): TFeatureName[] {
  return withTelemetry ? [...COUNT_FEATURES, ...TELEMETRY_FEATURES] : [...COUNT_FEATURES];
}

/**
 * One row per work center and day with a full 7-day window behind it. Callers pass every day,
 * zeros included: a missing day breaks the window (no row) or the label (null), rather than being
 * silently read as "no failures". With telemetry on, days lacking it yield no row either.
 */
export function buildMaintenanceFeatures(
  days: readonly TWorkCenterDay[],
  options: { horizonDays: number; withTelemetry: boolean },
): TFeatureRow[] {
  const byWorkCenter = new Map<string, Map<number, TWorkCenterDay>>();
  for (const day of days) {
    const series = byWorkCenter.get(day.workCenterId) ?? new Map<number, TWorkCenterDay>();
    series.set(day.dayIndex, day);
    byWorkCenter.set(day.workCenterId, series);
  }
  const rows: TFeatureRow[] = [];
  for (const series of byWorkCenter.values()) {
    for (const [dayIndex, today] of series) {
      const window: TWorkCenterDay[] = [];
      for (let back = FEATURE_WINDOW_DAYS - 1; back >= 0; back--) {
        const day = series.get(dayIndex - back);
        if (day) window.push(day);
      }
      if (window.length < FEATURE_WINDOW_DAYS) continue;
      const values = countFeatures(window);
      if (options.withTelemetry) {
        const telemetry = telemetryFeatures(window);
        if (telemetry === null) continue;
        values.push(...telemetry);
      }
      rows.push({
        workCenterId: today.workCenterId,
        workCenterLabel: today.workCenterLabel,
        dayIndex,
        values,
        label: labelFor(series, dayIndex, options.horizonDays),
      });
    }
  }
  return rows.sort((a, b) => a.dayIndex - b.dayIndex || a.workCenterId.localeCompare(b.workCenterId));
}

function countFeatures(window: readonly TWorkCenterDay[]): number[] {
  const failures = window.map((day) => day.failures);
  const microStops = window.map((day) => day.microStops);
  return [sum(failures), slopePerDay(failures), sum(microStops) / window.length, slopePerDay(microStops)];
}

function telemetryFeatures(window: readonly TWorkCenterDay[]): number[] | null {
  const means: number[] = [];
  const maxima: number[] = [];
  for (const day of window) {
    if (!day.telemetry) return null;
    means.push(day.telemetry.mean);
    maxima.push(day.telemetry.max);
  }
  return [sum(means) / means.length, Math.max(...maxima), slopePerDay(means)];
}

function labelFor(series: ReadonlyMap<number, TWorkCenterDay>, dayIndex: number, horizonDays: number): 0 | 1 | null {
  let failure = false;
  for (let ahead = 1; ahead <= horizonDays; ahead++) {
    const day = series.get(dayIndex + ahead);
    if (!day) return null;
    if (day.failures > 0) failure = true;
  }
  return failure ? 1 : 0;
}

/** Least-squares slope against day number: change per day, robust to one odd day unlike last − first. */
export function slopePerDay(values: readonly number[]): number {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = sum(values) / n;
  let numerator = 0;
  let denominator = 0;
  values.forEach((y, x) => {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  });
  return denominator === 0 ? 0 : numerator / denominator;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
