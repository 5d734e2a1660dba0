import type { TInsightDraft } from "../insight";
import { formatSiteTime } from "../order-risk/format-order-risk";
import { sigmasFromMean, type TControlLimits, type TSeriesPoint, type TSide } from "../spc/control-limits";
import { decimalsForSigma, formatMeasure, formatSigma } from "../spc/format-measure";
import type { TRuleViolation, TWesternElectricRule } from "../spc/western-electric-rules";
import {
  clamp01,
  limitMarked,
  quarterHourKey,
  signalPlace,
  type TProductRef,
  type TSignalRef,
  type TWorkCenterRef,
  thinPoints,
  workCenterSubject,
} from "./draft-parts";
import { recommendSignalAction } from "./signal-advice";

/**
 * One excursion of a control chart: the rule violations on one side that follow each other closely.
 * A drift breaks rule 4, then rule 3, then rule 1 on every further point; a plant manager wants one
 * finding "cycle time is running high since 06:15", not one per rule and point.
 */
export type TSpcExcursion = {
  side: TSide;
  violations: TRuleViolation[];
  /** Every point of every violation, ascending (indices into the evaluated series). */
  indices: number[];
  /** The point at which the first violation completed: when the excursion became detectable. */
  detectedIndex: number;
};

/** Violations whose patterns are at most this many points apart belong to one excursion. */
export const EXCURSION_GAP_POINTS = 8;

export function groupViolationsIntoExcursions(
  violations: readonly TRuleViolation[],
  gapPoints = EXCURSION_GAP_POINTS,
): TSpcExcursion[] {
  const sorted = [...violations].sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0) || a.rule - b.rule);
  const excursions: TSpcExcursion[] = [];
  for (const violation of sorted) {
    const first = violation.indices[0] ?? 0;
    const completedAt = violation.indices[violation.indices.length - 1] ?? first;
    const open = excursions.findLast((excursion) => excursion.side === violation.side);
    if (open && first - (open.indices[open.indices.length - 1] ?? first) <= gapPoints) {
      open.violations.push(violation);
      open.indices = [...new Set([...open.indices, ...violation.indices])].sort((a, b) => a - b);
      open.detectedIndex = Math.min(open.detectedIndex, completedAt);
      continue;
    }
    excursions.push({
      side: violation.side,
      violations: [violation],
      indices: [...violation.indices],
      detectedIndex: completedAt,
    });
  }
  return excursions;
}

const RULE_TEXT: Record<TWesternElectricRule, string> = {
  1: "rule 1 (a point beyond 3σ)",
  2: "rule 2 (2 of 3 beyond 2σ)",
  3: "rule 3 (4 of 5 beyond 1σ)",
  4: "rule 4 (8 in a row on one side)",
};

export type BuildSpcDraftsInput = {
  workCenter: TWorkCenterRef;
  /** The product whose limits these are; null for a signal judged across products (telemetry). */
  product: TProductRef | null;
  signal: TSignalRef;
  limits: TControlLimits;
  /** The evaluated window of this chart, in time order; violation indices point into it. */
  points: readonly TSeriesPoint[];
  violations: readonly TRuleViolation[];
  /** Excursions whose last point is before this are old news and are not handed over again. */
  reportFrom: number;
  now: number;
  timeZone: string;
  /** Sides worth a finding (scrap falling below its limits is good news, not an alarm). Default both. */
  sides?: readonly TSide[];
};

export function buildSpcDrafts(input: BuildSpcDraftsInput): TInsightDraft[] {
  const sides = input.sides ?? ["ABOVE", "BELOW"];
  const wanted = input.violations.filter((violation) => sides.includes(violation.side));
  return groupViolationsIntoExcursions(wanted)
    .filter(
      (excursion) => (input.points[excursion.indices[excursion.indices.length - 1] ?? -1]?.t ?? -1) >= input.reportFrom,
    )
    .map((excursion) => excursionDraft(input, excursion));
}

function excursionDraft(input: BuildSpcDraftsInput, excursion: TSpcExcursion): TInsightDraft {
  const { workCenter, product, signal, limits, points } = input;
  const show = (value: number) => formatMeasure(value, { unit: signal.unit, decimals: decimalsForSigma(limits.sigma) });
  const at = (time: number) => formatSiteTime(time, input.now, input.timeZone);
  const above = excursion.side === "ABOVE";
  const pointAt = (index: number) => points[index] ?? { t: Number.NaN, value: Number.NaN };
  const firstIndex = excursion.indices[0] ?? 0;
  const lastIndex = excursion.indices[excursion.indices.length - 1] ?? firstIndex;
  const spanStart = pointAt(firstIndex).t;
  const ongoing = lastIndex === points.length - 1;
  const farthestIndex = excursion.indices.reduce((best, index) =>
    Math.abs(sigmasFromMean(pointAt(index).value, limits)) > Math.abs(sigmasFromMean(pointAt(best).value, limits))
      ? index
      : best,
  );
  const farthest = pointAt(farthestIndex);
  const farthestSigmas = sigmasFromMean(farthest.value, limits);
  const rules = [...new Set(excursion.violations.map((violation) => violation.rule))].sort((a, b) => a - b);
  const place = signalPlace(signal, workCenter, product);
  const since = at(spanStart);

  const explanation =
    `${excursion.violations[0]?.explanation ?? ""} ` +
    `Since ${since}, ${excursion.indices.length} points broke ${rules.map((rule) => RULE_TEXT[rule]).join(", ")}; ` +
    `the farthest was ${show(farthest.value)} at ${at(farthest.t)} (${formatSigma(farthestSigmas)}), ` +
    (ongoing ? "and the latest reading is still part of it." : `and it ended at ${at(pointAt(lastIndex).t)}.`);
  const baselineFactor = Math.sqrt(Math.min(1, limits.baselineCount / 50));
  const confidence = clamp01(
    ((rules.includes(1) ? 0.72 : 0.6) +
      0.08 * (rules.length - 1) +
      Math.min(0.12, 0.01 * (excursion.indices.length - 5))) *
      baselineFactor,
  );
  const marked = limitMarked(excursion.indices.map((index) => pointAt(index).t));
  return {
    kind: "SPC",
    subject: workCenterSubject(workCenter),
    dedupeKey: [
      "spc",
      workCenter.id,
      product?.id ?? "all",
      signal.key,
      excursion.side.toLowerCase(),
      quarterHourKey(pointAt(excursion.detectedIndex).t),
    ].join(":"),
    title: `${place} is out of control, running ${above ? "high" : "low"} since ${since}`,
    explanation,
    recommendation: recommendSignalAction({ signal, direction: above ? "UP" : "DOWN", workCenter, product, since }),
    evidence: {
      figures: [
        { label: "Centre line (baseline mean)", value: limits.mean, unit: signal.unit },
        { label: "Upper control limit", value: limits.upper, unit: signal.unit },
        { label: "Lower control limit", value: limits.lower, unit: signal.unit },
        { label: "σ (from moving ranges)", value: limits.sigma, unit: signal.unit },
        { label: "Farthest point", value: farthest.value, unit: signal.unit },
        { label: "Farthest point, σ from the mean", value: farthestSigmas, unit: "σ" },
        { label: "Points in the pattern", value: excursion.indices.length },
        { label: "Baseline points", value: limits.baselineCount },
      ],
      chart: {
        unit: signal.unit,
        points: thinPoints(points, new Set(marked)).map(({ t, value }) => ({ t, value })),
        lines: [
          { label: "Upper control limit", value: limits.upper },
          { label: "Centre line", value: limits.mean },
          { label: "Lower control limit", value: limits.lower },
        ],
        marked,
      },
    },
    confidence,
    spanStart,
    spanEnd: ongoing ? null : pointAt(lastIndex).t,
  };
}
