import { describe, expect, it } from "vitest";
import { findAverageBottleneck } from "./average-bottleneck";
import { explainAverage } from "./explain-bottleneck";
import { HOUR, MIN, mulberry32, randomTimeline, timeline } from "./test-timelines";

const window = { from: 0, to: 100 * MIN };
const names = (id: string) => `WC-${id}`;

describe("average bottleneck (active-period method)", () => {
  it("names the work center with the largest active share, counting repairs as active", () => {
    const result = findAverageBottleneck(
      [
        timeline("A", [
          ["RUNNING", 0, 50],
          ["DOWN", 50, 90],
          ["IDLE", 90, 100],
        ]),
        timeline("B", [
          ["RUNNING", 0, 60],
          ["IDLE", 60, 100],
        ]),
      ],
      window,
    );
    expect(result.bottleneckId).toBe("A");
    expect(result.shares.map((s) => s.activeShare)).toEqual([0.9, 0.6]);
    expect(result.margin).toBeCloseTo(0.3);
    expect(result.confidence).toBe(1);
    expect(explainAverage(result, names)).toBe(
      "WC-A was active 90 % of its comparable time, 30 points more than WC-B (60 %).",
    );
  });

  it("leaves planned stops, no-shift and unknown time out of the comparison", () => {
    const result = findAverageBottleneck(
      [
        timeline("A", [
          ["RUNNING", 0, 40],
          ["PLANNED_STOP", 40, 90],
          ["IDLE", 90, 100],
        ]),
        timeline("B", [
          ["RUNNING", 0, 70],
          ["IDLE", 70, 80],
          ["UNKNOWN", 80, 100],
        ]),
      ],
      window,
    );
    expect(result.shares.find((s) => s.workCenterId === "A")?.activeShare).toBe(0.8);
    expect(result.shares.find((s) => s.workCenterId === "B")?.activeShare).toBeCloseTo(0.875);
    expect(result.bottleneckId).toBe("B");
  });

  it("clips intervals that reach outside the window", () => {
    const result = findAverageBottleneck(
      [
        timeline("A", [
          ["RUNNING", -500, 50],
          ["IDLE", 50, 900],
        ]),
        timeline("B", [["IDLE", -50, 100]]),
      ],
      window,
    );
    expect(result.shares[0]).toMatchObject({ workCenterId: "A", activeMs: 50 * MIN, inactiveMs: 50 * MIN });
  });

  it("reports low confidence on a balanced line", () => {
    const random = mulberry32(7);
    const balanced = ["A", "B", "C", "D"].map((id) =>
      randomTimeline(id, 8 * HOUR, random, () => ({ activeMin: 12, idleMin: 3 })),
    );
    const result = findAverageBottleneck(balanced, { from: 0, to: 8 * HOUR });
    expect(result.confidence).toBeLessThan(0.5);
    expect(explainAverage(result, names)).toMatch(/close to balanced/);
  });

  it("names a lone work center but claims no confidence, and names nobody without data", () => {
    const single = findAverageBottleneck([timeline("A", [["RUNNING", 0, 100]])], window);
    expect(single).toMatchObject({ bottleneckId: "A", runnerUpId: null, margin: null, confidence: 0 });
    expect(explainAverage(single, names)).toMatch(/nothing to compare/);

    const empty = findAverageBottleneck([], window);
    expect(empty).toMatchObject({ bottleneckId: null, confidence: 0, shares: [] });
    const noShift = findAverageBottleneck([timeline("A", [["NO_SHIFT", 0, 100]])], window);
    expect(noShift.bottleneckId).toBeNull();
  });

  it("refuses a window that ends before it starts", () => {
    expect(() => findAverageBottleneck([], { from: 10, to: 10 })).toThrow(/must end after it starts/);
  });
});
