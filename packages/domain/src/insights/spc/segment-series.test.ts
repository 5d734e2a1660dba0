import { describe, expect, it } from "vitest";
import { computeControlLimits } from "./control-limits";
import { seededSeries } from "./seeded-normal";
import { evaluateSegmentedChart, splitSeriesBySegment } from "./segment-series";
import { detectWesternElectricViolations } from "./western-electric-rules";

// Product A runs at 35 s, product B at 48 s: alternating blocks of 40 parts each.
function twoProducts(seed: number, count = 200) {
  const a = seededSeries(seed, count, { mean: 35, sigma: 1 });
  const b = seededSeries(seed + 1, count, { mean: 48, sigma: 1.5 });
  return a.map((point, i) => {
    const product = Math.floor(i / 40) % 2 === 0 ? "A" : "B";
    return { t: point.t, value: product === "A" ? point.value : (b[i]?.value ?? 0), product };
  });
}

describe("segmented control charts", () => {
  it("splits by key, keeping order and the original positions", () => {
    const split = splitSeriesBySegment(
      [
        { t: 1, value: 1, product: "A" },
        { t: 2, value: 2, product: "B" },
        { t: 3, value: 3, product: "A" },
      ],
      (p) => p.product,
    );
    expect(split.get("A")?.positions).toEqual([0, 2]);
    expect(split.get("B")?.points.map((p) => p.t)).toEqual([2]);
  });

  it("per-product limits do not alarm on product changes; one pooled chart does", () => {
    const baseline = twoProducts(21, 1_000);
    const current = twoProducts(23);
    const charts = evaluateSegmentedChart(baseline, current, (p) => p.product, { label: "Cycle time", unit: "s" });
    expect(charts.map((c) => c.segment).sort()).toEqual(["A", "B"]);
    expect(charts.every((c) => c.limits.ok)).toBe(true);
    // 200 in-control points expect 0.5 beyond 3σ by chance; every changeover would be ~5 per block.
    expect(charts.flatMap((c) => c.violations).filter((v) => v.rule === 1).length).toBeLessThanOrEqual(2);

    const pooled = computeControlLimits(baseline);
    if (!pooled.ok) throw new Error(pooled.reason);
    const pooledViolations = detectWesternElectricViolations(current, pooled.limits, { label: "Cycle time" });
    expect(pooledViolations.filter((v) => v.rule === 1).length).toBeGreaterThan(20);
  });

  it("maps violation indices back to the caller's series and refuses thin segments", () => {
    const current = twoProducts(23);
    current[45] = { ...(current[45] ?? { t: 0, product: "B" }), value: 70 };
    const baseline = [
      ...twoProducts(21),
      ...seededSeries(5, 5, { mean: 60, sigma: 1 }).map((p) => ({ ...p, product: "C" })),
    ];
    const charts = evaluateSegmentedChart(baseline, [...current, { t: 1, value: 60, product: "C" }], (p) => p.product, {
      label: "Cycle time",
    });
    const b = charts.find((c) => c.segment === "B");
    expect(b?.violations.find((v) => v.rule === 1)?.indices).toEqual([45]);
    expect(charts.find((c) => c.segment === "C")?.limits).toMatchObject({ ok: false, reason: /5 points/ });
  });
});
