import { describe, expect, it } from "vitest";
import { seededSeries } from "../spc/seeded-normal";
import { detectAnomalies } from "./detect-anomalies";
import { learnSegmentBaselines, type TBaseline } from "./segment-baselines";

const POINTS = 10_000;
const signal = { label: "Spindle temperature", unit: "°C" };
// Published in-control average run lengths: EWMA λ 0.2, L 3 ≈ 562; two-sided CUSUM k 0.5, h 5 ≈ 465.
const AVERAGE_RUN_LENGTH = { EWMA: 562, CUSUM: 465 } as const;

function anomalyRate(method: "EWMA" | "CUSUM", baselines: Map<string, TBaseline>, seed: number) {
  const clean = seededSeries(seed, POINTS, { mean: 62, sigma: 0.5 });
  const { anomalies } = detectAnomalies(clean, baselines, { method, signal });
  const pointsInAlarm = anomalies.reduce((sum, a) => sum + a.pointCount, 0);
  return { anomaliesPerPoint: anomalies.length / POINTS, pointsInAlarm: pointsInAlarm / POINTS };
}

describe("false alarms on 10,000 in-control points", () => {
  const known = new Map<string, TBaseline>([["ALL", { mean: 62, sigma: 0.5, count: null, source: "GIVEN" }]]);
  const learned = learnSegmentBaselines(seededSeries(99, 1_000, { mean: 62, sigma: 0.5 })).baselines;

  for (const method of ["EWMA", "CUSUM"] as const) {
    it(`${method} raises about one anomaly per average run length, with a known or a learned baseline`, () => {
      const expected = 1 / AVERAGE_RUN_LENGTH[method];
      // Alarms are roughly Poisson: ±4 standard deviations of the expected count, and a little more above
      // for the learned baseline, whose σ carries a few percent of estimation error.
      const spread = 4 * Math.sqrt(expected / POINTS);
      for (const [baselines, seed] of [
        [known, 101],
        [learned, 102],
      ] as const) {
        const rate = anomalyRate(method, baselines, seed);
        expect(rate.anomaliesPerPoint).toBeGreaterThan(Math.max(0, expected - spread));
        expect(rate.anomaliesPerPoint).toBeLessThan(expected + spread * 1.5);
        // Excursions are short: well under 2% of clean readings sit inside an open anomaly.
        expect(rate.pointsInAlarm).toBeLessThan(0.02);
      }
    });
  }
});
