import { describe, expect, it } from "vitest";
import { cusumSteps, ewmaSteps } from "./change-statistics";

describe("EWMA", () => {
  it("starts with limits of L·λ and widens them to L·sqrt(λ / (2 − λ))", () => {
    const steps = ewmaSteps(Array(200).fill(0), { lambda: 0.2, width: 3 });
    expect(steps[0]?.limit).toBeCloseTo(0.6, 12);
    expect(steps[1]?.limit).toBeCloseTo(3 * Math.sqrt((0.2 / 1.8) * (1 - 0.8 ** 4)), 12);
    expect(steps[199]?.limit).toBeCloseTo(1, 6);
  });

  it("weights each new point by λ and alarms when outside the limit", () => {
    const steps = ewmaSteps([1, 1, 4], { lambda: 0.5, width: 3 });
    expect(steps.map((s) => s.statistic)).toEqual([0.5, 0.75, 2.375]);
    expect(steps.map((s) => s.alarm)).toEqual([null, null, "UP"]);
    expect(ewmaSteps([-4], { lambda: 0.5, width: 3 })[0]?.alarm).toBe("DOWN");
  });
});

describe("tabular CUSUM", () => {
  it("adds up deviations beyond the slack k and alarms past h", () => {
    const steps = cusumSteps([1.5, 1.5, 1.5, 1.5, 1.5, 1.5], { k: 0.5, h: 5 });
    expect(steps.map((s) => s.statistic)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps.map((s) => s.alarm)).toEqual([null, null, null, null, null, "UP"]);
    // k + S / n estimates the shift: 0.5 + 6 / 6.
    expect(steps[5]?.shiftSigmas).toBeCloseTo(1.5, 12);
  });

  it("keeps the two sides apart and never lets a sum go below zero", () => {
    // The low sum dips to 2.5 on the +2 point while the high sum starts at 1.5; then 0.5 + 0.5 + 1.5 more up.
    const steps = cusumSteps([-3, -3, 2, -3, 9], { k: 0.5, h: 4 });
    expect(steps.map((s) => s.statistic)).toEqual([-2.5, -5, -2.5, -5, 8.5]);
    expect(steps.map((s) => s.alarm)).toEqual([null, "DOWN", null, "DOWN", "UP"]);
  });
});
