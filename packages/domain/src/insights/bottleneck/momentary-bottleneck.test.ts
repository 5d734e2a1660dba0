import { describe, expect, it } from "vitest";
import { activePeriodsOf } from "./active-periods";
import { explainMomentary } from "./explain-bottleneck";
import { findMomentaryBottleneck } from "./momentary-bottleneck";
import { MIN, timeline } from "./test-timelines";

const window = { from: 0, to: 100 * MIN };

describe("active periods", () => {
  it("joins running into down, and lets idle, planned stops and gaps end a period", () => {
    const periods = activePeriodsOf(
      timeline("A", [
        ["RUNNING", 0, 10],
        ["DOWN", 10, 20],
        ["IDLE", 20, 30],
        ["RUNNING", 30, 40],
        ["PLANNED_STOP", 40, 50],
        ["RUNNING", 50, 60],
        ["RUNNING", 70, 80],
      ]),
      window,
    );
    expect(periods.map((p) => [p.start / MIN, p.end / MIN])).toEqual([
      [0, 20],
      [30, 40],
      [50, 60],
      [70, 80],
    ]);
  });
});

describe("momentary bottleneck", () => {
  it("splits sole and shifting time where the handover overlaps", () => {
    const result = findMomentaryBottleneck(
      [
        timeline("A", [
          ["RUNNING", 0, 60],
          ["IDLE", 60, 100],
        ]),
        timeline("B", [
          ["IDLE", 0, 40],
          ["RUNNING", 40, 100],
        ]),
      ],
      window,
    );
    expect(result.segments.map((s) => [s.kind, s.workCenterIds.join("+"), s.start / MIN, s.end / MIN])).toEqual([
      ["SOLE", "A", 0, 40],
      ["SHIFTING", "A+B", 40, 60],
      ["SOLE", "B", 60, 100],
    ]);
    expect(result.shares.map((s) => [s.workCenterId, s.soleShare, s.shiftingShare, s.bottleneckShare])).toEqual([
      ["A", 0.4, 0.2, 0.6],
      ["B", 0.4, 0.2, 0.6],
    ]);
    expect(explainMomentary(result, (id) => `M-${id}`, "the shift")).toBe(
      "M-A was the bottleneck 60 % of the shift (sole 40 %, shifting 20 %); next was M-B at 60 %.",
    );
  });

  it("keeps the sole bottleneck while others' short active periods come and go inside its long one", () => {
    const result = findMomentaryBottleneck(
      [
        timeline("A", [
          ["RUNNING", 0, 90],
          ["IDLE", 90, 100],
        ]),
        timeline("B", [
          ["RUNNING", 0, 10],
          ["IDLE", 10, 30],
          ["RUNNING", 30, 50],
          ["IDLE", 50, 100],
        ]),
      ],
      window,
    );
    expect(result.shares[0]).toMatchObject({ workCenterId: "A", soleShare: 0.9, shiftingShare: 0 });
    expect(result.shares[1]).toMatchObject({ workCenterId: "B", bottleneckShare: 0 });
    expect(explainMomentary(result, (id) => id)).toBe(
      "A was the bottleneck 90 % of the period (sole 90 %, shifting 0 %).",
    );
  });

  it("divides by comparable time only and clips to the window", () => {
    const result = findMomentaryBottleneck(
      [
        timeline("A", [
          ["RUNNING", -30, 50],
          ["NO_SHIFT", 50, 150],
        ]),
      ],
      window,
    );
    expect(result.comparableMs).toBe(50 * MIN);
    expect(result.shares).toEqual([
      { workCenterId: "A", soleMs: 50 * MIN, shiftingMs: 0, soleShare: 1, shiftingShare: 0, bottleneckShare: 1 },
    ]);
  });

  it("names nobody without data", () => {
    const result = findMomentaryBottleneck([], window);
    expect(result).toEqual({ comparableMs: 0, segments: [], shares: [] });
    expect(explainMomentary(result, (id) => id)).toMatch(/No work center/);
  });
});
