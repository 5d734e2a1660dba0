import type { TInsightDraft } from "@gemba/domain/insights/insight";

/** A complete detector finding about a work center, with a small chart; tests override what they look at. */
export function workCenterDraft(
  subject: { workCenterId: string; lineId: string },
  overrides: Partial<TInsightDraft> & { dedupeKey: string },
): TInsightDraft {
  const start = Date.parse("2026-11-02T06:00:00Z");
  return {
    kind: "SPC",
    subject: { kind: "WORK_CENTER", id: subject.workCenterId, ...subject },
    title: "Cycle time above the upper control limit",
    explanation: "Three of the last four cycles took longer than 39.2 s, the upper control limit.",
    recommendation: "Check the die for wear before the next order.",
    evidence: {
      figures: [
        { label: "Mean", value: 31.5, unit: "s" },
        { label: "Upper control limit", value: 39.2, unit: "s" },
      ],
      chart: {
        unit: "s",
        points: [0, 1, 2, 3].map((index) => ({ t: start + index * 60_000, value: 30 + index * 4 })),
        lines: [{ label: "UCL", value: 39.2 }],
        marked: [start + 3 * 60_000],
      },
    },
    confidence: 0.8,
    spanStart: start,
    spanEnd: start + 3 * 60_000,
    ...overrides,
  };
}
