/**
 * A recurring downtime pattern (../patterns) as an insight draft about one work center: where the
 * reason concentrates, by how much, and what to look at there.
 */
import { MS_PER_DAY } from "../../calendar/zoned-time";
import { formatPercent } from "../format-percent";
import type { TInsightDraft } from "../insight";
import { describeValue, explainPattern, type TPatternLabels } from "../patterns/explain-pattern";
import { dimensionValueOf, type TDowntimePattern, type TDowntimeStop } from "../patterns/recurring-downtime";

export type TPatternDraftInput = {
  pattern: TDowntimePattern;
  workCenter: { id: string; code: string; lineId: string };
  labels: TPatternLabels;
  /** The stops the pattern was found in (any reason): the chart shows this reason's, day by day. */
  stops: readonly TDowntimeStop[];
  window: { from: number; to: number };
};

/** Twenty stops in the value is taken as well supported; a lift of 3 as unmistakable. */
const SUPPORT_FOR_FULL_CONFIDENCE = 20;
const LIFT_FOR_FULL_CONFIDENCE = 3;

export function buildPatternDraft(input: TPatternDraftInput): TInsightDraft {
  const { pattern, workCenter, labels } = input;
  const reason = labels.reasonName?.(pattern.reasonCode) ?? pattern.reasonCode;
  const where = describeValue(pattern.dimension, pattern.value, labels);
  const reasonStops = input.stops.filter((stop) => stop.reasonCode === pattern.reasonCode);
  const inValue = reasonStops.filter((stop) => dimensionValueOf(stop, pattern.dimension) === pattern.value);
  // Significance was already tested (Bonferroni); confidence says how strong and well supported it is.
  const confidence =
    0.5 * Math.min(1, pattern.count / SUPPORT_FOR_FULL_CONFIDENCE) +
    0.5 * Math.min(1, Math.max(0, pattern.lift - 1) / (LIFT_FOR_FULL_CONFIDENCE - 1));
  return {
    kind: "RECURRING_DOWNTIME",
    subject: { kind: "WORK_CENTER", id: workCenter.id, workCenterId: workCenter.id, lineId: workCenter.lineId },
    dedupeKey: `recurring-downtime:${workCenter.id}:${pattern.reasonCode}:${pattern.dimension}:${pattern.value}`,
    title: `${workCenter.code}: ${reason} recurs ${where}`,
    explanation:
      `${workCenter.code}: ${explainPattern(pattern, labels)} That is ${oneDecimal(pattern.ratePerPlannedHour)} stops per planned hour ` +
      `against ${oneDecimal(pattern.overallRatePerPlannedHour)} overall; by chance alone ${oneDecimal(pattern.expectedCount)} would be expected.`,
    recommendation: recommendationFor(pattern, workCenter.code, reason, where),
    evidence: {
      figures: [
        { label: `Stops ${where}`.slice(0, 80), value: pattern.count },
        { label: "Stops of this reason in all", value: pattern.reasonTotal },
        { label: "Expected by planned time", value: round(pattern.expectedCount, 1) },
        { label: "Share of planned time", value: round(pattern.exposureShare * 100, 1), unit: "%" },
        { label: "Lift over the usual rate", value: round(pattern.lift, 2), unit: "×" },
        { label: "Chance of this by luck", value: pattern.pValue },
      ],
      chart: {
        unit: "stops",
        points: stopsPerDay(reasonStops, input.window),
        lines: [],
        marked: inValue.slice(-500).map((stop) => stop.start),
      },
    },
    confidence: Math.min(1, Math.max(0, confidence)),
    spanStart: Math.min(...inValue.map((stop) => stop.start), input.window.to),
    spanEnd: input.window.to,
  };
}

function recommendationFor(pattern: TDowntimePattern, code: string, reason: string, where: string): string {
  const share = formatPercent(pattern.count / Math.max(1, pattern.reasonTotal));
  const lead = `${share} of ${code}'s "${reason}" stops happen ${where}.`;
  switch (pattern.dimension) {
    case "shift":
      return `${lead} Walk ${code} on that shift and compare it with the others: staffing and skills, the handover, machine settings, who repairs and how. Agree one change and check the rate again in two weeks.`;
    case "product":
      return `${lead} Review that product's setup on ${code}: tooling, program and parameters, material lot. Fix the standard for it and check the rate after the next runs.`;
    case "weekday":
      return `${lead} Look at what is different on that day: restart after the weekend, deliveries, cleaning or maintenance slots, staffing. Adjust that day's routine and re-check.`;
    case "hour":
      return `${lead} Look at what happens at that hour: shift handover, breaks, deliveries, warm-up or temperature. Stagger or standardise it and re-check.`;
    case "afterChangeover":
      return pattern.value === "yes"
        ? `${lead} Standardise changeovers on ${code}: a checklist for settings and tooling, and a first-part check before releasing the machine.`
        : `${lead} They happen during long runs, not after setups: look at wear and drift in long runs and add a mid-run check.`;
  }
}

/** Daily counts of the reason's stops across the window, zero days included so gaps read as quiet days. */
function stopsPerDay(stops: readonly TDowntimeStop[], window: { from: number; to: number }) {
  const days = Math.max(1, Math.ceil((window.to - window.from) / MS_PER_DAY));
  const counts = new Array<number>(days).fill(0);
  for (const stop of stops) {
    const index = Math.floor((stop.start - window.from) / MS_PER_DAY);
    if (index >= 0 && index < days) counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((value, index) => ({ t: window.from + index * MS_PER_DAY, value }));
}

function oneDecimal(value: number): string {
  return value < 0.1 ? value.toFixed(2) : value.toFixed(1);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
