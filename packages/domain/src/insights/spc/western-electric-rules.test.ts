import { describe, expect, it } from "vitest";
import type { TControlLimits } from "./control-limits";
import { computeControlLimits } from "./control-limits";
import { seededSeries } from "./seeded-normal";
import { detectWesternElectricViolations } from "./western-electric-rules";

// Mean 35 s, σ 1.4 s, as on the press the sentence in the brief describes.
const limits: TControlLimits = {
  mean: 35,
  sigma: 1.4,
  sigmaMethod: "MOVING_RANGE",
  upper: 35 + 4.2,
  lower: 35 - 4.2,
  baselineCount: 50,
};
const cycleTime = { label: "Cycle time", unit: "s" };
// Points given in σ from the mean, alternating around the centre so no other rule fires by accident.
const inSigmas = (zs: number[]) => zs.map((z, i) => ({ t: 1_000 * i, value: 35 + z * 1.4 }));
const calm = [0.3, -0.3, 0.2, -0.2, 0.4, -0.4];
const rulesFired = (zs: number[]) => detectWesternElectricViolations(inSigmas(zs), limits, cycleTime);

describe("Western Electric rules", () => {
  it("rule 1: one point beyond 3σ, with the numbers in the sentence", () => {
    const [violation, ...rest] = rulesFired([...calm, 4.857, ...calm]);
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ rule: 1, side: "ABOVE", indices: [6], times: [6000] });
    expect(violation?.explanation).toBe(
      "Cycle time 41.8 s is above the upper control limit 39.2 s (mean 35.0 s, σ 1.4 s).",
    );
    expect(rulesFired([...calm, -3.2, ...calm])[0]).toMatchObject({ rule: 1, side: "BELOW" });
  });

  it("rule 2: 2 of 3 consecutive beyond 2σ on the same side, not on opposite sides", () => {
    const violations = rulesFired([...calm, 2.5, 0.1, 2.4, ...calm]);
    expect(violations).toEqual([expect.objectContaining({ rule: 2, side: "ABOVE", indices: [6, 8] })]);
    expect(violations[0]?.explanation).toMatch(/2 of 3 consecutive points .* above the \+2σ line 37\.8 s/);
    expect(rulesFired([...calm, 2.5, 0.1, -2.4, ...calm])).toEqual([]);
  });

  it("rule 3: 4 of 5 consecutive beyond 1σ on the same side", () => {
    const violations = rulesFired([...calm, -1.5, -1.2, 0.2, -1.4, -1.3, ...calm]);
    expect(violations).toEqual([expect.objectContaining({ rule: 3, side: "BELOW", indices: [6, 7, 9, 10] })]);
    expect(rulesFired([...calm, -1.5, -1.2, 0.2, 0.4, -1.3, ...calm])).toEqual([]);
  });

  it("rule 4: 8 in a row on one side, one finding however long the run", () => {
    const run = [0.4, 0.6, 0.3, 0.8, 0.5, 0.2, 0.7, 0.4, 0.6, 0.3];
    const violations = rulesFired([...calm, ...run, ...calm.slice(1)]);
    expect(violations).toEqual([expect.objectContaining({ rule: 4, side: "ABOVE" })]);
    expect(violations[0]?.indices).toEqual(Array.from({ length: 10 }, (_, i) => 6 + i));
    expect(violations[0]?.explanation).toMatch(/10 points in a row are above the centre line 35\.0 s/);
    expect(rulesFired([...calm, ...run.slice(0, 7), ...calm.slice(1)])).toEqual([]);
  });

  it("fires nothing on a clean, alternating series", () => {
    expect(rulesFired([...calm, ...calm, ...calm, 1.5, -1.5, 2.5, -0.5, 0.9, -2.9])).toEqual([]);
  });

  it("keeps false alarms on 10,000 in-control points near what the normal distribution predicts", () => {
    const baseline = computeControlLimits(seededSeries(11, 5_000, { mean: 35, sigma: 1.4 }));
    if (!baseline.ok) throw new Error(baseline.reason);
    const clean = seededSeries(12, 10_000, { mean: 35, sigma: 1.4 });
    const violations = detectWesternElectricViolations(clean, baseline.limits, cycleTime);
    const rate = (rule: number) => violations.filter((v) => v.rule === rule).length / clean.length;
    // Rule 1: P(|z| > 3) = 0.0027; ±4 binomial standard deviations around it over 10,000 points.
    expect(rate(1)).toBeGreaterThan(0.0027 - 4 * Math.sqrt(0.0027 / 10_000));
    expect(rate(1)).toBeLessThan(0.0027 + 4 * Math.sqrt(0.0027 / 10_000));
    // Rule 4: a run of ≥ 8 starts where the previous point was on the other side: 2 · 0.5 · 0.5^8.
    expect(rate(4)).toBeGreaterThan(0.5 ** 8 - 4 * Math.sqrt(0.5 ** 8 / 10_000));
    expect(rate(4)).toBeLessThan(0.5 ** 8 + 4 * Math.sqrt(0.5 ** 8 / 10_000));
    // Rules 2 and 3 fire at most as often as their per-point trigger probability
    // (2 · 0.02275 · (1 − 0.97725²) = 0.0020 and 2 · 0.1587 · P(≥ 3 of 4 beyond 1σ) = 0.0045).
    expect(rate(2)).toBeLessThan(0.002 + 4 * Math.sqrt(0.002 / 10_000));
    expect(rate(3)).toBeLessThan(0.0045 + 4 * Math.sqrt(0.0045 / 10_000));
    expect(violations.length / clean.length).toBeLessThan(0.02);
  });
});
