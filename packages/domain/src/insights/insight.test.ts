import { describe, expect, it } from "vitest";
import { detectorWeight, isSuppressed, weightedConfidence } from "./feedback-weight";
import { checkStatusChange, ZInsightDraft } from "./insight";

describe("insight status", () => {
  it("moves forward only, and dismissing needs a reason", () => {
    expect(checkStatusChange("NEW", "ACKNOWLEDGED", null)).toEqual({ ok: true });
    expect(checkStatusChange("ACKNOWLEDGED", "ACTED_ON", null)).toEqual({ ok: true });
    expect(checkStatusChange("ACTED_ON", "NEW", null)).toMatchObject({
      ok: false,
      message: /acted on cannot become new/,
    });
    expect(checkStatusChange("NEW", "DISMISSED", " ")).toMatchObject({ ok: false, message: /Say why/ });
    expect(checkStatusChange("NEW", "DISMISSED", "Sensor was being calibrated")).toEqual({ ok: true });
    expect(checkStatusChange("DISMISSED", "ACKNOWLEDGED", null).ok).toBe(false);
  });

  it("validates what a detector hands over", () => {
    const draft = {
      kind: "SPC",
      subject: {
        kind: "WORK_CENTER",
        id: "5b0e7d8c-55b4-4c1e-9a1e-2f6f0c7f3a11",
        workCenterId: "5b0e7d8c-55b4-4c1e-9a1e-2f6f0c7f3a11",
        lineId: null,
      },
      dedupeKey: "spc:wc:cycle_time:rule1",
      title: "Cycle time out of control on PRS-201",
      explanation: "Cycle time 41.8 s is above the upper control limit 39.2 s.",
      recommendation: "Check the die temperature and the feeder.",
      evidence: { figures: [{ label: "Upper control limit", value: 39.2, unit: "s" }], chart: null },
      confidence: 0.9,
      spanStart: 0,
      spanEnd: null,
    };
    expect(ZInsightDraft.parse(draft).evidence.figures).toHaveLength(1);
    expect(() => ZInsightDraft.parse({ ...draft, confidence: 1.5 })).toThrow();
  });
});

describe("feedback weighting", () => {
  it("leaves an unrated detector alone and moves with several votes, not one", () => {
    expect(detectorWeight({ useful: 0, notUseful: 0 })).toBe(1);
    expect(detectorWeight({ useful: 0, notUseful: 1 })).toBeCloseTo(0.8);
    expect(detectorWeight({ useful: 8, notUseful: 0 })).toBeCloseTo(1.667, 3);
    expect(detectorWeight({ useful: 0, notUseful: 8 })).toBeCloseTo(0.333, 3);
  });

  it("suppresses a detector people keep calling not useful, only after enough votes", () => {
    expect(isSuppressed({ useful: 0, notUseful: 4 })).toBe(false);
    expect(isSuppressed({ useful: 0, notUseful: 5 })).toBe(true);
    expect(isSuppressed({ useful: 4, notUseful: 6 })).toBe(false);
  });

  it("keeps the weighted confidence within 0 and 1", () => {
    expect(weightedConfidence(0.8, { useful: 10, notUseful: 0 })).toBe(1);
    expect(weightedConfidence(0.8, { useful: 0, notUseful: 0 })).toBe(0.8);
    expect(weightedConfidence(0.8, { useful: 0, notUseful: 6 })).toBeCloseTo(0.8 * 0.4);
  });
});
