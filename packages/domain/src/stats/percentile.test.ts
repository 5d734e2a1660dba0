import { describe, expect, it } from "vitest";
import { percentile, summarizeSamples } from "./percentile";

describe("percentile", () => {
  it("is the nearest rank: the smallest sample with at least p of the samples at or below it", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 0.5)).toBe(5);
    expect(percentile(samples, 0.95)).toBe(10);
    expect(percentile(samples, 0.1)).toBe(1);
    expect(percentile([42], 0.95)).toBe(42);
  });

  it("is NaN without samples rather than a made-up zero", () => {
    expect(percentile([], 0.5)).toBeNaN();
  });

  it("summarizes without reordering the caller's samples", () => {
    const samples = [3, 1, 2];
    expect(summarizeSamples(samples)).toEqual({ count: 3, min: 1, p50: 2, p95: 3, max: 3 });
    expect(samples).toEqual([3, 1, 2]);
  });
});
