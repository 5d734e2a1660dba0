import { MS_PER_HOUR } from "../../calendar/zoned-time";
import { formatPercent } from "../format-percent";
import type { TInsightDraft } from "../insight";
import { formatSiteTime, formatUnits } from "../order-risk/format-order-risk";
import type { TLateOrderRisk } from "../order-risk/late-order-risk";
import { clamp01, MAX_CHART_POINTS } from "./draft-parts";

export type BuildLateOrderDraftInput = {
  order: {
    id: string;
    externalId: string;
    quantity: number;
    /** Good units made so far. */
    produced: number;
    dueAt: number;
    startedAt: number | null;
    productName: string;
    workCenter: { id: string; code: string; lineId: string } | null;
  };
  risk: TLateOrderRisk;
  /** Good units made by the end of each recent bucket of the order (for the chart), in time order. */
  progress: readonly { t: number; value: number }[];
  /** Planned production hours between now and the due date. */
  plannedHoursToDue: number;
  now: number;
  timeZone: string;
};

/**
 * A LATE_ORDER draft for an order the risk model calls LATE or AT_RISK; null otherwise (on time,
 * complete, or not projectable: silence is better than a guess). Keyed by the order, so the one
 * insight follows the projection as it moves rather than a new one being raised each pass.
 */
export function buildLateOrderDraft(input: BuildLateOrderDraftInput): TInsightDraft | null {
  const { order, risk, now } = input;
  if (risk.status !== "LATE" && risk.status !== "AT_RISK") return null;
  const at = (time: number) => formatSiteTime(time, now, input.timeZone);
  const late = risk.status === "LATE";
  const label = `Order ${order.externalId}`;
  const where = order.workCenter ? ` on ${order.workCenter.code}` : "";
  const title = late
    ? `${label} (${order.productName}) will miss its due date ${at(order.dueAt)}`
    : `${label} (${order.productName}) is at risk of missing ${at(order.dueAt)}`;
  const hoursLeft = input.plannedHoursToDue;
  const neededRate = hoursLeft > 0 ? risk.remaining / hoursLeft : null;
  const currentRate = risk.rate?.meanPerHour ?? null;
  const pace =
    neededRate !== null && currentRate !== null
      ? ` It needs ${formatUnits(neededRate)} units per planned hour to make it; recently it made ${formatUnits(currentRate)}.`
      : "";
  const recommendation = late
    ? `Tell the planner and the customer contact now${where ? `, and decide: add overtime or a weekend shift${where}, move part of the quantity to another work center, split the delivery, or agree a new date` : ""}. Every hour of planned time lost${where} pushes the finish further out.`
    : `Protect${where || " the order's work center"} until ${at(order.dueAt)}: no unplanned changeovers, material staged ahead, stops answered first. Check again at the next shift handover; if the pace stays below ${neededRate === null ? "the needed rate" : `${formatUnits(neededRate)} units/h`}, plan overtime.`;

  const figures: TInsightDraft["evidence"]["figures"] = [
    { label: "Order quantity", value: order.quantity, unit: "units" },
    { label: "Good units made", value: order.produced, unit: "units" },
    { label: "Units remaining", value: risk.remaining, unit: "units" },
    { label: "Planned hours to the due date", value: round(hoursLeft, 1), unit: "h" },
  ];
  if (risk.rate) {
    figures.push({ label: "Recent rate", value: round(risk.rate.meanPerHour, 1), unit: "units/h" });
    figures.push({ label: "Rate band ±", value: round(risk.rate.halfWidthPerHour, 1), unit: "units/h" });
  }
  if (neededRate !== null) figures.push({ label: "Rate needed", value: round(neededRate, 1), unit: "units/h" });
  if (risk.projectedFinish !== null) {
    figures.push({
      label: "Projected finish vs due date",
      value: round((risk.projectedFinish - order.dueAt) / MS_PER_HOUR, 1),
      unit: "h",
    });
  }
  if (risk.probabilityOnTime !== null) {
    figures.push({ label: "Chance to make the due date", value: round(risk.probabilityOnTime * 100, 0), unit: "%" });
  }

  // Good units over time, then where the projection reaches the full quantity (earliest, expected,
  // latest); the due date and the interval ends are the marked instants on the time axis.
  const projected = [risk.earliest, risk.projectedFinish, risk.latest]
    .filter((time): time is number => time !== null && time > now)
    .map((t) => ({ t, value: order.quantity }));
  const points = [...input.progress.slice(-(MAX_CHART_POINTS - projected.length)), ...projected].sort(
    (a, b) => a.t - b.t,
  );
  const marked = [
    order.dueAt,
    ...(risk.earliest === null ? [] : [risk.earliest]),
    ...(risk.latest === null ? [] : [risk.latest]),
  ];
  const probability = risk.probabilityOnTime;

  return {
    kind: "LATE_ORDER",
    subject: {
      kind: "ORDER",
      id: order.id,
      workCenterId: order.workCenter?.id ?? null,
      lineId: order.workCenter?.lineId ?? null,
    },
    dedupeKey: `late-order:${order.id}`,
    title,
    explanation: `${risk.explanation}${pace}${risk.rate ? ` The ${formatPercent(risk.confidenceLevel)} interval comes from the spread of the last ${risk.rate.sampleCount} quarter hours of planned time.` : ""}`,
    recommendation,
    evidence: {
      figures,
      chart: {
        unit: "units",
        points,
        lines: [{ label: "Order quantity", value: order.quantity }],
        marked: [...new Set(marked)].sort((a, b) => a - b),
      },
    },
    // The model's own chance of missing the date; a date already passed with work left is certain.
    confidence: clamp01(probability === null ? 0.95 : 1 - probability, 0.05, 0.99),
    spanStart: order.startedAt ?? now,
    spanEnd: risk.latest ?? risk.projectedFinish ?? order.dueAt,
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
