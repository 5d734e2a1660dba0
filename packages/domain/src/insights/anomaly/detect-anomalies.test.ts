import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { seededSeries } from "../spc/seeded-normal";
import { detectAnomalies, type TAnomalyMethod } from "./detect-anomalies";
import { learnSegmentBaselines, type TBaseline } from "./segment-baselines";

const cycleTime = { label: "Cycle time", unit: "s" };
const given = (mean: number, sigma: number): Map<string, TBaseline> =>
  new Map([["ALL", { mean, sigma, count: null, source: "GIVEN" }]]);
const alarmStarts = (series: { t: number; value: number }[], method: TAnomalyMethod) =>
  detectAnomalies(series, given(35, 1.4), { method, signal: cycleTime }).anomalies.map((a) => a.startIndex);

describe("change detection", () => {
  it("catches a slow drift (+0.05σ per point) long before the mean reaches 3σ", () => {
    const delays: number[] = [];
    let firstOrTiedWithShewhart = 0;
    let alarmsBeforeDrift = 0;
    for (let seed = 1; seed <= 20; seed++) {
      // 50 normal points, then the mean creeps up by 0.05σ every point: it reaches 3σ 60 points in.
      const series = seededSeries(seed, 150, { mean: 35, sigma: 1.4, shape: (i) => Math.max(0, i - 50) * 0.05 });
      const detections = (["EWMA", "CUSUM"] as const).map((method) => {
        const starts = alarmStarts(series, method);
        // Chance alarms on the 50 in-control points happen (average run length ≈ 500) and are counted.
        alarmsBeforeDrift += starts.filter((start) => start < 50).length;
        return (starts.find((start) => start >= 50) ?? Number.POSITIVE_INFINITY) - 50;
      });
      delays.push(...detections);
      // A Shewhart chart (rule 1) would wait for the first single point past 3σ after the drift began.
      const shewhart = series.findIndex((p, i) => i >= 50 && p.value > 35 + 3 * 1.4) - 50;
      if (Math.max(...detections) <= shewhart) firstOrTiedWithShewhart += 1;
    }
    delays.sort((a, b) => a - b);
    expect(alarmsBeforeDrift).toBeLessThanOrEqual(4);
    // Every run is caught before the drift is 35 points (1.75σ) old; half of them by ~1σ of drift.
    expect(delays[delays.length - 1]).toBeLessThanOrEqual(35);
    expect(delays[delays.length / 2]).toBeLessThanOrEqual(22);
    expect(firstOrTiedWithShewhart).toBeGreaterThanOrEqual(15);
  });

  it("catches a 2σ step within a few points, going down as well as up", () => {
    for (const sign of [1, -1]) {
      const series = seededSeries(3, 120, { mean: 35, sigma: 1.4, shape: (i) => (i >= 60 ? 2 * sign : 0) });
      for (const method of ["EWMA", "CUSUM"] as const) {
        const [anomaly] = detectAnomalies(series, given(35, 1.4), { method, signal: cycleTime }).anomalies;
        expect(anomaly?.direction).toBe(sign > 0 ? "UP" : "DOWN");
        expect(anomaly?.startIndex).toBeGreaterThanOrEqual(60);
        expect(anomaly?.startIndex).toBeLessThan(68);
        expect(anomaly?.status).toBe("OPEN");
      }
    }
  });

  it("folds a 40-point excursion into one closed anomaly with start, end and peak", () => {
    const series = seededSeries(4, 200, { mean: 62, sigma: 0.5, shape: (i) => (i >= 80 && i < 120 ? 3 : 0) });
    const result = detectAnomalies(series, given(62, 0.5), {
      method: "EWMA",
      signal: { label: "Spindle temperature", unit: "°C" },
    });
    expect(result.anomalies).toHaveLength(1);
    const [anomaly] = result.anomalies;
    expect(anomaly).toMatchObject({ direction: "UP", status: "CLOSED", start: series[anomaly?.startIndex ?? 0]?.t });
    expect(anomaly?.startIndex).toBeGreaterThanOrEqual(80);
    expect(anomaly?.endIndex).toBeGreaterThanOrEqual(119);
    expect(anomaly?.end).toBe(series[anomaly?.endIndex ?? 0]?.t);
    expect(anomaly?.peak.shiftSigmas).toBeGreaterThan(2.5);
    expect(anomaly?.explanation).toMatch(
      /^Spindle temperature is running above its baseline 62\.00 °C \(σ 0\.50 °C\): its EWMA passed the 1\.0σ limit and the estimated shift peaked at \+[2-5]\.\dσ \(about 6[34]\.\d\d °C\) over \d+ points, before returning inside its limits\.$/,
    );
  });

  it("judges each product against its own baseline, so changeovers do not alarm", () => {
    // Product A runs at 35 s (σ 1), B at 48 s (σ 1.5); they alternate in blocks of 30 parts.
    const mixed = (seed: number, count: number) => {
      const a = seededSeries(seed, count, { mean: 35, sigma: 1 });
      const b = seededSeries(seed + 1, count, { mean: 48, sigma: 1.5 });
      return a.map((p, i) =>
        Math.floor(i / 30) % 2 === 0 ? { ...p, segment: "A" } : { ...p, value: b[i]?.value ?? 0, segment: "B" },
      );
    };
    const { baselines, refused } = learnSegmentBaselines(mixed(31, 600));
    expect(refused).toEqual([]);
    expect(baselines.get("B")?.mean).toBeCloseTo(48, 0);
    const current = mixed(33, 600);
    for (const method of ["EWMA", "CUSUM"] as const) {
      // 600 in-control points against an average run length of ≈ 500 allow one chance alarm, not one per changeover.
      const segmented = detectAnomalies(current, baselines, { method, signal: cycleTime }).anomalies;
      expect(segmented.length).toBeLessThanOrEqual(1);
      const unsegmented = current.map(({ t, value }) => ({ t, value }));
      const pooled = learnSegmentBaselines(unsegmented).baselines;
      expect(detectAnomalies(unsegmented, pooled, { method, signal: cycleTime }).anomalies.length).toBeGreaterThan(5);
    }
  });

  it("leaves points of a segment without baseline unjudged and says so", () => {
    const series = [...seededSeries(5, 30, { mean: 35, sigma: 1 }), { t: 9e12, value: 90, segment: "NEW" }];
    const result = detectAnomalies(series, given(35, 1), { method: "CUSUM", signal: cycleTime });
    expect(result.anomalies).toEqual([]);
    expect(result.unjudged).toEqual([{ segment: "NEW", pointCount: 1 }]);
  });

  it("refuses settings that cannot work, with a message that says which", () => {
    const run =
      (options: object, baselines = given(35, 1)) =>
      () =>
        detectAnomalies([], baselines, { method: "EWMA", signal: cycleTime, ...options });
    expect(run({ ewma: { lambda: 0, width: 3 } })).toThrow(AppError);
    expect(run({ cusum: { k: 0.5, h: 0 } })).toThrow(/CUSUM needs/);
    expect(run({ recoverAfter: 0 })).toThrow(/at least 1/);
    expect(run({}, given(35, 0))).toThrow(/σ above 0/);
  });
});
