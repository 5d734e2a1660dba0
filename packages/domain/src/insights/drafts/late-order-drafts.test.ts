import { describe, expect, it } from "vitest";
import { MS_PER_HOUR } from "../../calendar/zoned-time";
import { ZInsightDraft } from "../insight";
import { assessLateOrderRisk } from "../order-risk/late-order-risk";
import { type BuildLateOrderDraftInput, buildLateOrderDraft } from "./late-order-drafts";

const NOW = Date.UTC(2026, 10, 24, 14);
const alwaysPlanned = (from: number, to: number) => Math.max(0, to - from);
// Four hours of quarter-hour rates around 100 units per planned hour.
const RATES = [96, 104, 99, 101, 95, 106, 98, 102, 100, 97, 103, 100, 99, 101, 96, 104];

function draftFor(remaining: number, dueInHours: number) {
  const dueAt = NOW + dueInHours * MS_PER_HOUR;
  const risk = assessLateOrderRisk({
    orderLabel: "Order 1000123",
    remaining,
    now: NOW,
    dueAt,
    rateSamplesPerHour: RATES,
    plannedProductionMsAhead: alwaysPlanned,
    timeZone: "UTC",
  });
  const input: BuildLateOrderDraftInput = {
    order: {
      id: "8e3b0abf-88e7-4f4b-8d4b-5c9c3f0b6d44",
      externalId: "1000123",
      quantity: 2_000,
      produced: 2_000 - remaining,
      dueAt,
      startedAt: NOW - 6 * MS_PER_HOUR,
      productName: "Flange Ø63",
      workCenter: {
        id: "5b0e7d8c-55b4-4c1e-9a1e-2f6f0c7f3a11",
        code: "CNC-101",
        lineId: "6c1f8e9d-66c5-4d2f-8b2f-3a7a1d8f4b22",
      },
    },
    risk,
    progress: [0, 1, 2, 3].map((i) => ({ t: NOW - (3 - i) * MS_PER_HOUR, value: 2_000 - remaining - (3 - i) * 100 })),
    plannedHoursToDue: dueInHours,
    now: NOW,
    timeZone: "UTC",
  };
  return { risk, draft: buildLateOrderDraft(input) };
}

describe("late-order drafts", () => {
  it("flags an order whose due date is before even the fast end of its projection", () => {
    // 1,000 units at ~100/h need ~10 h; due in 6 h.
    const { risk, draft } = draftFor(1_000, 6);
    expect(risk.status).toBe("LATE");
    const parsed = ZInsightDraft.parse(draft);
    expect(parsed.kind).toBe("LATE_ORDER");
    expect(parsed.subject).toMatchObject({ kind: "ORDER", id: "8e3b0abf-88e7-4f4b-8d4b-5c9c3f0b6d44" });
    expect(parsed.dedupeKey).toBe("late-order:8e3b0abf-88e7-4f4b-8d4b-5c9c3f0b6d44");
    expect(parsed.title).toContain("will miss its due date");
    expect(parsed.explanation).toContain("needs 167 units per planned hour");
    expect(parsed.recommendation).toContain("CNC-101");
    expect(parsed.confidence).toBeGreaterThan(0.95);
    expect(parsed.evidence.chart?.marked).toContain(NOW + 6 * MS_PER_HOUR);
    expect(parsed.evidence.chart?.points.at(-1)?.value).toBe(2_000);
    expect(parsed.evidence.figures.find((f) => f.label === "Units remaining")?.value).toBe(1_000);
  });

  it("calls a due date inside the interval at risk, with a middling confidence", () => {
    const { risk, draft } = draftFor(1_000, 10);
    expect(risk.status).toBe("AT_RISK");
    expect(draft?.title).toContain("at risk");
    expect(draft?.confidence).toBeGreaterThan(0.2);
    expect(draft?.confidence).toBeLessThan(0.8);
  });

  it("stays quiet on an order with room to spare", () => {
    const { risk, draft } = draftFor(1_000, 16);
    expect(risk.status).toBe("ON_TIME");
    expect(draft).toBeNull();
  });
});
