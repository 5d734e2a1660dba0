import { describe, expect, it } from "vitest";
import { createRandom, hashSeed } from "./random";

describe("createRandom", () => {
  it("repeats its sequence for a seed", () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it("has roughly the requested distributions", () => {
    const random = createRandom(1);
    const n = 20_000;
    const sample = <T>(draw: () => T): T[] => Array.from({ length: n }, draw);
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const uniform = sample(random.next);
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniform)).toBeLessThan(1);
    expect(mean(uniform)).toBeCloseTo(0.5, 1);
    expect(mean(sample(() => random.exponential(10)))).toBeCloseTo(10, 0);
    expect(mean(sample(() => random.normal(5, 2)))).toBeCloseTo(5, 1);
    const integers = new Set(sample(() => random.integer(1, 3)));
    expect([...integers].sort()).toEqual([1, 2, 3]);
    const picks = sample(() =>
      random.weighted([
        { value: "a", weight: 3 },
        { value: "b", weight: 1 },
      ]),
    );
    expect(picks.filter((p) => p === "a").length / n).toBeCloseTo(0.75, 1);
  });

  it("hashes strings to stable 32-bit seeds", () => {
    expect(hashSeed("demo:CNC-101")).toBe(hashSeed("demo:CNC-101"));
    expect(hashSeed("demo:CNC-101")).not.toBe(hashSeed("demo:CNC-102"));
    expect(hashSeed("x")).toBeGreaterThanOrEqual(0);
    expect(hashSeed("x")).toBeLessThan(2 ** 32);
  });
});
