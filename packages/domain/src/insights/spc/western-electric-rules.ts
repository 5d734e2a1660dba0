import type { TControlLimits, TSeriesPoint, TSide } from "./control-limits";
import { sigmasFromMean } from "./control-limits";
import { explainViolation, type TSignalLabel } from "./western-electric-explanations";

/**
 * The four Western Electric rules as DESIGN.md defines them. Each rule is "k of n consecutive points
 * beyond m σ on the same side": 1 of 1 beyond 3σ, 2 of 3 beyond 2σ, 4 of 5 beyond 1σ, 8 of 8 beyond
 * the centre line. One table drives all four so they cannot drift apart.
 */
export type TWesternElectricRule = 1 | 2 | 3 | 4;

type TRuleShape = { rule: TWesternElectricRule; needed: number; window: number; sigmas: number };

export const WESTERN_ELECTRIC_RULES: readonly TRuleShape[] = [
  { rule: 1, needed: 1, window: 1, sigmas: 3 },
  { rule: 2, needed: 2, window: 3, sigmas: 2 },
  { rule: 3, needed: 4, window: 5, sigmas: 1 },
  { rule: 4, needed: 8, window: 8, sigmas: 0 },
];

export type TRuleViolation = {
  rule: TWesternElectricRule;
  side: TSide;
  /** Positions in the evaluated series of the points that make up the pattern, ascending. */
  indices: number[];
  times: number[];
  explanation: string;
};

function sideBeyond(z: number, sigmas: number): TSide | null {
  if (z > sigmas) return "ABOVE";
  if (z < -sigmas) return "BELOW";
  return null;
}

/**
 * The indices that complete the rule at point i, or null. The rule is only checked when point i itself
 * is beyond the line, so each firing is triggered by a new point; at the start of the series a shorter
 * window is enough (2 points beyond 2σ at positions 0 and 1 are already "2 of 3").
 */
function firingAt(zs: readonly number[], i: number, shape: TRuleShape): { side: TSide; indices: number[] } | null {
  const side = sideBeyond(zs[i] ?? 0, shape.sigmas);
  if (side === null) return null;
  const indices: number[] = [];
  for (let j = Math.max(0, i - shape.window + 1); j <= i; j++) {
    if (sideBeyond(zs[j] ?? 0, shape.sigmas) === side) indices.push(j);
  }
  return indices.length >= shape.needed ? { side, indices } : null;
}

export function detectWesternElectricViolations(
  points: readonly TSeriesPoint[],
  limits: TControlLimits,
  signal: TSignalLabel,
): TRuleViolation[] {
  const zs = points.map((point) => sigmasFromMean(point.value, limits));
  const found: { rule: TWesternElectricRule; side: TSide; indices: number[] }[] = [];
  for (const shape of WESTERN_ELECTRIC_RULES) {
    let open: { rule: TWesternElectricRule; side: TSide; indices: number[] } | null = null;
    for (let i = 0; i < zs.length; i++) {
      const firing = firingAt(zs, i, shape);
      if (!firing) continue;
      // A pattern that keeps going (a run of 12, three points beyond 2σ) is one finding, not one per
      // point: fold firings that share points with the previous one of the same rule and side.
      const overlaps =
        open !== null && open.side === firing.side && firing.indices.some((j) => open?.indices.includes(j));
      if (shape.rule !== 1 && open && overlaps) {
        open.indices = [...new Set([...open.indices, ...firing.indices])].sort((a, b) => a - b);
        continue;
      }
      open = { rule: shape.rule, side: firing.side, indices: firing.indices };
      found.push(open);
    }
  }
  return found
    .sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0) || a.rule - b.rule)
    .map((violation) => ({
      ...violation,
      times: violation.indices.map((i) => points[i]?.t ?? Number.NaN),
      explanation: explainViolation(violation, points, limits, signal),
    }));
}
