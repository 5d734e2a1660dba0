/**
 * A flagged breakdown risk (../maintenance) as an insight draft: the chance, what drives it, how
 * good the model proved on history it never saw, and what to plan.
 */
import { formatPercent } from "../format-percent";
import type { TInsightDraft } from "../insight";
import type { TMaintenanceRiskModel, TMaintenanceRiskPrediction } from "../maintenance/maintenance-risk";

/** One day of the work center as the chart shows it; `t` is the local day's start. */
export type TMaintenanceChartDay = { t: number; failures: number; microStops: number; telemetryMean: number | null };

export type TMaintenanceDraftInput = {
  prediction: TMaintenanceRiskPrediction;
  model: Pick<TMaintenanceRiskModel, "horizonDays" | "threshold" | "heldOut" | "telemetryTag">;
  workCenter: { id: string; code: string; lineId: string };
  /** The site's local date predicted for, "2026-03-07": one insight per work center and day. */
  dayKey: string;
  /** Start of that local day and of the horizon's end, for the span. */
  dayStart: number;
  horizonEnd: number;
  /** The last two weeks or so, oldest first. */
  recentDays: readonly TMaintenanceChartDay[];
};

/** Null unless the prediction passed the model's threshold: below it the model has nothing to say. */
export function buildMaintenanceDraft(input: TMaintenanceDraftInput): TInsightDraft | null {
  const { prediction, model, workCenter } = input;
  if (!prediction.flagged) return null;
  const { precision, recall, baseRate } = model.heldOut;
  const drivers = prediction.topContributions.map((entry) => entry.description);
  const telemetryLeads = prediction.topContributions[0]?.feature.startsWith("telemetry") ?? false;
  const chartTelemetry = telemetryLeads && input.recentDays.every((day) => day.telemetryMean !== null);
  const record =
    precision === null || recall === null
      ? "It has not yet been proven on held-out history."
      : `On later history it never trained on, ${formatPercent(precision)} of its warnings were followed by a breakdown ` +
        `(${formatPercent(baseRate)} of days are, at random) and it warned before ${formatPercent(recall)} of breakdowns.`;
  return {
    kind: "MAINTENANCE_RISK",
    subject: { kind: "WORK_CENTER", id: workCenter.id, workCenterId: workCenter.id, lineId: workCenter.lineId },
    dedupeKey: `maintenance-risk:${workCenter.id}:${input.dayKey}`,
    title: `${workCenter.code}: ${formatPercent(prediction.probability)} chance of a breakdown in the next ${model.horizonDays} days`,
    explanation: `${prediction.explanation} The model warns from ${formatPercent(model.threshold)}. ${record}`,
    recommendation:
      `Plan an inspection of ${workCenter.code} in the next planned stop, before the next ${model.horizonDays} days are out` +
      (drivers.length > 0 ? `; start with what drives the risk (${drivers.join("; ")})` : "") +
      ". Have the usual wear parts ready, and log what you find on the insight so the model learns from it.",
    evidence: {
      figures: [
        { label: "Breakdown chance", value: round(prediction.probability * 100), unit: "%" },
        { label: "Warning threshold", value: round(model.threshold * 100), unit: "%" },
        ...prediction.topContributions.map((entry) => ({
          label: entry.description.slice(0, 80),
          value: round(entry.value),
        })),
        ...(precision === null ? [] : [{ label: "Held-out precision", value: round(precision * 100), unit: "%" }]),
        ...(recall === null ? [] : [{ label: "Held-out recall", value: round(recall * 100), unit: "%" }]),
      ],
      chart: {
        unit: chartTelemetry ? (model.telemetryTag?.unit ?? undefined) : "micro-stops/day",
        points: input.recentDays.map((day) => ({
          t: day.t,
          value: chartTelemetry ? round(day.telemetryMean ?? 0) : day.microStops,
        })),
        lines: [],
        // The breakdowns of the period, so the climb before each one is visible.
        marked: input.recentDays.filter((day) => day.failures > 0).map((day) => day.t),
      },
    },
    // How often such a warning was right on held-out history; the raw probability where unproven.
    confidence: Math.min(1, Math.max(0, precision ?? prediction.probability)),
    spanStart: input.dayStart,
    spanEnd: input.horizonEnd,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
