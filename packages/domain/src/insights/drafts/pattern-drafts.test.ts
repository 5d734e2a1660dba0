import { describe, expect, it } from "vitest";
import { ZInsightDraft } from "../insight";
import { findRecurringDowntime, type TDowntimeStop, type TPlannedExposure } from "../patterns/recurring-downtime";
import { buildPatternDraft } from "./pattern-drafts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WC = {
  id: "00000000-0000-4000-8000-00000000000a",
  code: "PRS-01",
  lineId: "00000000-0000-4000-8000-0000000000f1",
};
const SHIFTS = ["Early", "Late", "Night"];
const EXPOSURE: TPlannedExposure = { shift: { Early: 160 * HOUR, Late: 160 * HOUR, Night: 160 * HOUR } };

function stop(day: number, shiftName: string, reasonCode: string): TDowntimeStop {
  const hour = { Early: 8, Late: 16, Night: 23 }[shiftName] ?? 0;
  return {
    workCenterId: WC.id,
    start: day * DAY + hour * HOUR,
    end: day * DAY + hour * HOUR + 600_000,
    reasonCode,
    shiftName,
    productId: null,
    weekday: (day % 7) + 1,
    hour,
    afterChangeover: false,
  };
}

describe("pattern drafts", () => {
  it("words a night-shift pattern with its numbers, a shift recommendation and a daily chart", () => {
    const stops = [
      ...Array.from({ length: 20 }, (_, day) => stop(day, "Night", "FAIL_HYD")),
      stop(3, "Early", "FAIL_HYD"),
      ...Array.from({ length: 27 }, (_, i) => stop(i, SHIFTS[i % 3] ?? "Early", "JAM")),
    ];
    const [pattern] = findRecurringDowntime(stops, EXPOSURE);
    if (!pattern) throw new Error("expected the planted pattern");
    const window = { from: 0, to: 28 * DAY };
    const draft = buildPatternDraft({
      pattern,
      workCenter: WC,
      labels: { reasonName: () => "Hydraulic failure" },
      stops,
      window,
    });
    expect(ZInsightDraft.parse(draft)).toEqual(draft);
    expect(draft.dedupeKey).toBe(`recurring-downtime:${WC.id}:FAIL_HYD:shift:Night`);
    expect(draft.title).toBe("PRS-01: Hydraulic failure recurs on the Night shift");
    expect(draft.explanation).toContain(
      "Hydraulic failure happens 2.9× as often on the Night shift: 20 of 21 stops in 33 % of planned time.",
    );
    expect(draft.recommendation).toMatch(
      /^95 % of PRS-01's "Hydraulic failure" stops happen on the Night shift\. Walk PRS-01 on that shift/,
    );
    expect(draft.evidence.chart?.points).toHaveLength(28);
    expect(draft.evidence.chart?.points.reduce((sum, point) => sum + point.value, 0)).toBe(21);
    expect(draft.evidence.chart?.marked).toHaveLength(20);
    expect(draft.spanStart).toBe(23 * HOUR);
    expect(draft.confidence).toBeGreaterThan(0.9);
  });
});
