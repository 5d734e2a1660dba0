import { describe, expect, it } from "vitest";
import { ZInsightDraft } from "../insight";
import { computeControlLimits, type TControlLimits, type TSeriesPoint } from "../spc/control-limits";
import { seededSeries } from "../spc/seeded-normal";
import { detectWesternElectricViolations, type TRuleViolation } from "../spc/western-electric-rules";
import { type BuildSpcDraftsInput, buildSpcDrafts, groupViolationsIntoExcursions } from "./spc-drafts";

const WC = {
  id: "5b0e7d8c-55b4-4c1e-9a1e-2f6f0c7f3a11",
  code: "CNC-101",
  name: "Okuma",
  lineId: "6c1f8e9d-66c5-4d2f-8b2f-3a7a1d8f4b22",
};
const PRODUCT = { id: "7d2a9fae-77d6-4e3a-9c3a-4b8b2e9a5c33", name: "Flange Ø63" };
const SIGNAL = { key: "cycle_time", kind: "CYCLE_TIME", label: "Cycle time", unit: "s" } as const;
const START = Date.UTC(2026, 10, 24, 6);
const STEP = 15 * 60_000;
const DRIFT_AT = 30;

function limitsOf(points: TSeriesPoint[]): TControlLimits {
  const result = computeControlLimits(points);
  if (!result.ok) throw new Error(result.reason);
  return result.limits;
}

const baseline = seededSeries(11, 200, { mean: 52, sigma: 0.8, startT: START - 200 * STEP });
const limits = limitsOf(baseline);
/** 30 normal quarter hours, then the cycle creeps up by 0.15σ per point. */
function current(count: number, seed = 13): TSeriesPoint[] {
  return seededSeries(seed, count, {
    mean: 52,
    sigma: 0.8,
    startT: START,
    shape: (i) => (i >= DRIFT_AT ? 0.15 * (i - DRIFT_AT) : 0),
  }).map((p, i) => ({ t: START + i * STEP, value: p.value }));
}

function draftsFor(points: TSeriesPoint[], overrides: Partial<BuildSpcDraftsInput> = {}) {
  const violations = detectWesternElectricViolations(points, limits, SIGNAL);
  return buildSpcDrafts({
    workCenter: WC,
    product: PRODUCT,
    signal: SIGNAL,
    limits,
    points,
    violations,
    reportFrom: START,
    now: points[points.length - 1]?.t ?? START,
    timeZone: "Europe/Berlin",
    ...overrides,
  });
}

describe("SPC drafts", () => {
  it("turns a drift into one finding on the work center and product, starting near the drift", () => {
    const drafts = draftsFor(current(60));
    expect(drafts).toHaveLength(1);
    const draft = ZInsightDraft.parse(drafts[0]);
    expect(draft.kind).toBe("SPC");
    expect(draft.subject).toEqual({ kind: "WORK_CENTER", id: WC.id, workCenterId: WC.id, lineId: WC.lineId });
    expect(draft.dedupeKey).toMatch(new RegExp(`^spc:${WC.id}:${PRODUCT.id}:cycle_time:above:\\d+$`));
    expect(draft.title).toContain("CNC-101 (Flange Ø63)");
    expect(draft.title).toContain("running high");
    // The pattern may reach back a few points before the drift began (they were above the centre by chance).
    expect(draft.spanStart).toBeGreaterThanOrEqual(START + (DRIFT_AT - 8) * STEP);
    expect(draft.spanStart).toBeLessThanOrEqual(START + (DRIFT_AT + 12) * STEP);
    expect(draft.spanEnd).toBeNull();
    expect(draft.explanation).toMatch(/\d+\.\d+ s/);
    expect(draft.recommendation).toContain("CNC-101");
    expect(draft.evidence.chart?.lines.map((l) => l.value)).toEqual([limits.upper, limits.mean, limits.lower]);
    expect(draft.evidence.chart?.marked.length).toBeGreaterThan(5);
    expect(draft.confidence).toBeGreaterThan(0.6);
  });

  it("keeps the same key as the excursion grows, so the stored insight is updated", () => {
    const early = draftsFor(current(50));
    const later = draftsFor(current(60));
    expect(early).toHaveLength(1);
    expect(later[0]?.dedupeKey).toBe(early[0]?.dedupeKey);
    expect(later[0]?.evidence.figures.find((f) => f.label === "Points in the pattern")?.value).toBeGreaterThan(
      early[0]?.evidence.figures.find((f) => f.label === "Points in the pattern")?.value ?? 0,
    );
  });

  it("stays quiet on the same process without the drift, on an unwanted side and on old news", () => {
    const clean = seededSeries(13, 60, { mean: 52, sigma: 0.8, startT: START });
    expect(draftsFor(clean)).toEqual([]);
    expect(draftsFor(current(60), { sides: ["BELOW"] })).toEqual([]);
    expect(draftsFor(current(60), { reportFrom: START + 61 * STEP })).toEqual([]);
  });
});

describe("excursions", () => {
  const violation = (rule: 1 | 2 | 3 | 4, side: "ABOVE" | "BELOW", indices: number[]): TRuleViolation => ({
    rule,
    side,
    indices,
    times: indices.map((i) => START + i * STEP),
    explanation: "",
  });

  it("folds close violations on one side into one excursion and keeps far or opposite ones apart", () => {
    const excursions = groupViolationsIntoExcursions([
      violation(4, "ABOVE", [10, 11, 12, 13, 14, 15, 16, 17]),
      violation(1, "ABOVE", [20]),
      violation(1, "BELOW", [21]),
      violation(1, "ABOVE", [40]),
    ]);
    expect(excursions.map((e) => [e.side, e.indices[0], e.detectedIndex, e.violations.length])).toEqual([
      ["ABOVE", 10, 17, 2],
      ["BELOW", 21, 21, 1],
      ["ABOVE", 40, 40, 1],
    ]);
  });
});
