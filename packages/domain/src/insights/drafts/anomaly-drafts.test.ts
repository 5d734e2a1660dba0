import { describe, expect, it } from "vitest";
import { detectAnomalies } from "../anomaly/detect-anomalies";
import type { TBaseline } from "../anomaly/segment-baselines";
import { ZInsightDraft } from "../insight";
import { seededSeries } from "../spc/seeded-normal";
import { buildAnomalyDrafts } from "./anomaly-drafts";

const WC = {
  id: "5b0e7d8c-55b4-4c1e-9a1e-2f6f0c7f3a11",
  code: "PRS-201",
  name: "Press",
  lineId: "6c1f8e9d-66c5-4d2f-8b2f-3a7a1d8f4b22",
};
const PRODUCT = { id: "7d2a9fae-77d6-4e3a-9c3a-4b8b2e9a5c33", name: "Cover plate" };
const SIGNAL = { key: "telemetry:oil_temperature", kind: "TELEMETRY", label: "Oil temperature", unit: "°C" } as const;
const START = Date.UTC(2026, 10, 24, 6);
const STEP = 15 * 60_000;
const baselines = new Map<string, TBaseline>([
  ["Cover plate · Early", { mean: 45, sigma: 1.2, count: 120, source: "LEARNED" }],
]);

/** 40 normal readings, then a 2σ step up (a cooling problem), optionally back to normal after `recoverAt`. */
function readings(count: number, recoverAt = Number.POSITIVE_INFINITY) {
  return seededSeries(5, count, {
    mean: 45,
    sigma: 1.2,
    shape: (i) => (i >= 40 && i < recoverAt ? 2 : 0),
  }).map((p, i) => ({ t: START + i * STEP, value: p.value, segment: "Cover plate · Early" }));
}

function draftsFor(points: ReturnType<typeof readings>, reportFrom = START) {
  const { anomalies } = detectAnomalies(points, baselines, { method: "EWMA", signal: SIGNAL });
  return buildAnomalyDrafts({
    workCenter: WC,
    signal: SIGNAL,
    points,
    anomalies,
    productOfSegment: (segment) => (segment.startsWith("Cover plate") ? PRODUCT : null),
    reportFrom,
    now: points[points.length - 1]?.t ?? START,
    timeZone: "America/Chicago",
  });
}

describe("anomaly drafts", () => {
  it("raises one open finding for a step, starting just after it, and keeps its key while it stays open", () => {
    const early = draftsFor(readings(50));
    const later = draftsFor(readings(70));
    expect(early).toHaveLength(1);
    const draft = ZInsightDraft.parse(later[0]);
    expect(draft.kind).toBe("ANOMALY");
    expect(draft.subject.workCenterId).toBe(WC.id);
    expect(draft.dedupeKey).toBe(early[0]?.dedupeKey);
    expect(draft.dedupeKey).toMatch(new RegExp(`^anomaly:${WC.id}:telemetry:oil_temperature:up:\\d+$`));
    expect(draft.spanStart).toBeGreaterThanOrEqual(START + 40 * STEP);
    expect(draft.spanStart).toBeLessThanOrEqual(START + 46 * STEP);
    expect(draft.spanEnd).toBeNull();
    expect(draft.title).toBe(
      `Oil temperature on PRS-201 (Cover plate) rising above its normal since ${draft.title.split("since ")[1]}`,
    );
    expect(draft.explanation).toContain("45.0 °C");
    expect(draft.recommendation).toContain("maintenance");
    expect(draft.evidence.chart?.marked[0]).toBe(draft.spanStart);
    expect(draft.confidence).toBeGreaterThan(0.6);
  });

  it("closes the finding when the signal recovers and drops it once it is old news", () => {
    const points = readings(90, 55);
    const [closed] = draftsFor(points);
    expect(closed?.spanEnd).not.toBeNull();
    expect(closed?.title).toContain("ran above its normal");
    expect(draftsFor(points, (closed?.spanEnd ?? 0) + 1)).toEqual([]);
  });

  it("stays quiet on normal readings", () => {
    expect(draftsFor(readings(40))).toEqual([]);
  });
});
