import { describe, expect, it } from "vitest";
import { computeControlLimits, estimateSigma, zoneOf } from "./control-limits";
import { seededSeries } from "./seeded-normal";

const at = (values: number[]) => values.map((value, i) => ({ t: i * 1000, value }));

describe("control limits", () => {
  it("takes σ from the average moving range over 1.128", () => {
    // Ranges 2, 2, 2, ... → σ = 2 / 1.128.
    const result = computeControlLimits(at(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 10 : 12))));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.limits.mean).toBe(11);
    expect(result.limits.sigma).toBeCloseTo(2 / 1.128, 10);
    expect(result.limits.upper).toBeCloseTo(11 + (3 * 2) / 1.128, 10);
    expect(result.limits.sigmaMethod).toBe("MOVING_RANGE");
  });

  it("is not fooled by a drift inside the baseline the way the sample std is", () => {
    const drifting = seededSeries(7, 200, { mean: 35, sigma: 1, shape: (i) => i * 0.03 });
    const { sigma } = estimateSigma(drifting.map((p) => p.value));
    expect(sigma).toBeGreaterThan(0.85);
    expect(sigma).toBeLessThan(1.15);
  });

  it("falls back to the sample std when there are fewer than 2 points", () => {
    expect(estimateSigma([4]).method).toBe("SAMPLE_STD");
    expect(estimateSigma([4, 6]).method).toBe("MOVING_RANGE");
  });

  it("refuses a baseline with fewer than 20 points, saying what to do", () => {
    const result = computeControlLimits(at([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/19 points.*at least 20.*Widen/) });
  });

  it("refuses a flat baseline and one with non-numbers", () => {
    expect(computeControlLimits(at(Array(25).fill(3))).ok).toBe(false);
    expect(computeControlLimits(at([...Array(24).fill(3), Number.NaN])).ok).toBe(false);
  });

  it("puts points in zones by distance from the centre", () => {
    const limits = { mean: 10, sigma: 1, sigmaMethod: "MOVING_RANGE" as const, upper: 13, lower: 7, baselineCount: 20 };
    expect(zoneOf(10.5, limits)).toEqual({ zone: "C", side: "ABOVE" });
    expect(zoneOf(8.5, limits)).toEqual({ zone: "B", side: "BELOW" });
    expect(zoneOf(12.5, limits)).toEqual({ zone: "A", side: "ABOVE" });
    expect(zoneOf(6.9, limits)).toEqual({ zone: "BEYOND", side: "BELOW" });
  });
});
