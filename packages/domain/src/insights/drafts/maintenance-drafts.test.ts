import { describe, expect, it } from "vitest";
import { ZInsightDraft } from "../insight";
import type { TMaintenanceRiskPrediction } from "../maintenance/maintenance-risk";
import { buildMaintenanceDraft, type TMaintenanceDraftInput } from "./maintenance-drafts";

const DAY = 86_400_000;
const WC = {
  id: "00000000-0000-4000-8000-00000000000a",
  code: "PRS-01",
  lineId: "00000000-0000-4000-8000-0000000000f1",
};

const prediction: TMaintenanceRiskPrediction = {
  workCenterId: WC.id,
  workCenterLabel: WC.code,
  probability: 0.64,
  flagged: true,
  topContributions: [
    { feature: "microStopsTrend", contribution: 1.2, value: 2.5, description: "micro-stops up 15/day over the week" },
    {
      feature: "telemetryTrend",
      contribution: 0.4,
      value: 0.8,
      description: "spindle temperature +4.8 °C over the week",
    },
  ],
  explanation: "PRS-01: 64 % chance of a breakdown in the next 3 days — micro-stops up 15/day over the week.",
};

function input(overrides: Partial<TMaintenanceDraftInput> = {}): TMaintenanceDraftInput {
  return {
    prediction,
    model: {
      horizonDays: 3,
      threshold: 0.42,
      telemetryTag: { label: "spindle temperature", unit: "°C" },
      heldOut: {
        rows: 300,
        positives: 40,
        flagged: 50,
        baseRate: 0.13,
        precision: 0.56,
        recall: 0.7,
        f1: 0.62,
        threshold: 0.42,
      },
    },
    workCenter: WC,
    dayKey: "2026-03-07",
    dayStart: 20 * DAY,
    horizonEnd: 23 * DAY,
    recentDays: Array.from({ length: 14 }, (_, i) => ({
      t: (7 + i) * DAY,
      failures: i === 3 ? 1 : 0,
      microStops: 5 + i,
      telemetryMean: 60 + i / 2,
    })),
    ...overrides,
  };
}

describe("maintenance drafts", () => {
  it("states the chance, its drivers and the model's held-out record", () => {
    const draft = buildMaintenanceDraft(input());
    if (!draft) throw new Error("expected a draft for a flagged prediction");
    expect(ZInsightDraft.parse(draft)).toEqual(draft);
    expect(draft.dedupeKey).toBe(`maintenance-risk:${WC.id}:2026-03-07`);
    expect(draft.title).toBe("PRS-01: 64 % chance of a breakdown in the next 3 days");
    expect(draft.explanation).toContain("The model warns from 42 %.");
    expect(draft.explanation).toContain(
      "56 % of its warnings were followed by a breakdown (13 % of days are, at random)",
    );
    expect(draft.recommendation).toContain("micro-stops up 15/day over the week");
    expect(draft.confidence).toBeCloseTo(0.56, 10);
    expect(draft.evidence.chart?.unit).toBe("micro-stops/day");
    expect(draft.evidence.chart?.marked).toEqual([10 * DAY]);
    expect(draft.evidence.figures.find((figure) => figure.label === "Held-out recall")?.value).toBe(70);
  });

  it("charts the telemetry when a telemetry feature drives the risk", () => {
    const topContributions = [...prediction.topContributions].reverse();
    const draft = buildMaintenanceDraft(input({ prediction: { ...prediction, topContributions } }));
    expect(draft?.evidence.chart?.unit).toBe("°C");
    expect(draft?.evidence.chart?.points[0]?.value).toBe(60);
  });

  it("says nothing below the threshold", () => {
    expect(buildMaintenanceDraft(input({ prediction: { ...prediction, flagged: false } }))).toBeNull();
  });
});
