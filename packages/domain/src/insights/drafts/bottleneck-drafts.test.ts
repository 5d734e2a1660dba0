import { describe, expect, it } from "vitest";
import { findAverageBottleneck } from "../bottleneck/average-bottleneck";
import { evenBoundaries, trackBottleneckOverTime } from "../bottleneck/bottleneck-over-time";
import { HOUR, mulberry32, randomTimeline } from "../bottleneck/test-timelines";
import { ZInsightDraft } from "../insight";
import { buildAverageBottleneckDraft, buildBottleneckMoveDraft, leadSeries } from "./bottleneck-drafts";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";
const LINE = { id: "00000000-0000-4000-8000-0000000000f1", code: "L1", name: "Line 1" };
const WORK_CENTERS = [
  { id: A, code: "PRS-01", name: "Press" },
  { id: B, code: "WLD-02", name: "Welder" },
  { id: C, code: "PNT-03", name: "Paint" },
];
const BOTTLENECK = { activeMin: 25, idleMin: 1 };
const FEEDER = { activeMin: 8, idleMin: 4 };
const SWITCH_AT = 12 * HOUR;
const window = { from: 0, to: 24 * HOUR };

function movingLine() {
  const random = mulberry32(7);
  return [
    randomTimeline(A, window.to, random, (t) => (t < SWITCH_AT ? BOTTLENECK : FEEDER)),
    randomTimeline(B, window.to, random, (t) => (t < SWITCH_AT ? FEEDER : BOTTLENECK)),
    randomTimeline(C, window.to, random, () => FEEDER),
  ];
}

describe("bottleneck drafts", () => {
  it("names the day's bottleneck with its share, the runner-up and a lead chart", () => {
    const random = mulberry32(3);
    const line = [
      randomTimeline(A, window.to, random, () => BOTTLENECK),
      randomTimeline(B, window.to, random, () => FEEDER),
    ];
    const average = findAverageBottleneck(line, window);
    const boundaries = evenBoundaries(window, 2 * HOUR);
    const draft = buildAverageBottleneckDraft({
      line: LINE,
      workCenters: WORK_CENTERS,
      average,
      window,
      dayKey: "2026-03-07",
      lead: leadSeries(line, boundaries, A, B),
    });
    if (!draft) throw new Error("expected a draft for a clear bottleneck");
    expect(ZInsightDraft.parse(draft)).toEqual(draft);
    expect(draft.dedupeKey).toBe(`bottleneck:${LINE.id}:2026-03-07`);
    expect(draft.subject).toEqual({ kind: "LINE", id: LINE.id, workCenterId: A, lineId: LINE.id });
    expect(draft.title).toBe("PRS-01 is the bottleneck of Line 1");
    expect(draft.explanation).toMatch(
      /^Over the last 24 hours PRS-01 was active \d+ % of its comparable time, \d+ points more than WLD-02/,
    );
    expect(draft.evidence.chart?.points).toHaveLength(12);
    expect(draft.evidence.chart?.points.every((point) => point.value > 0)).toBe(true);
    expect(draft.confidence).toBeGreaterThan(0.9);
  });

  it("stays quiet on a balanced line", () => {
    const random = mulberry32(5);
    const line = [
      randomTimeline(A, window.to, random, () => FEEDER),
      randomTimeline(B, window.to, random, () => FEEDER),
    ];
    const average = findAverageBottleneck(line, window);
    expect(average.confidence).toBeLessThan(0.3);
    expect(
      buildAverageBottleneckDraft({ line: LINE, workCenters: WORK_CENTERS, average, window, dayKey: "d", lead: [] }),
    ).toBeNull();
  });

  it("reports a confirmed move, keyed by line, both work centers and the bucket", () => {
    const line = movingLine();
    const stepMs = 2 * HOUR;
    const boundaries = evenBoundaries(window, stepMs);
    const { moves } = trackBottleneckOverTime(line, boundaries);
    const [move] = moves;
    if (!move) throw new Error("expected the planted move");
    const draft = buildBottleneckMoveDraft({
      line: LINE,
      workCenters: WORK_CENTERS,
      move,
      before: findAverageBottleneck(line, { from: window.from, to: move.at }),
      after: findAverageBottleneck(line, { from: move.at, to: window.to }),
      stepMs,
      lead: leadSeries(line, boundaries, B, A),
      formatTime: (ms) => `${ms / HOUR}:00`,
    });
    if (!draft) throw new Error("expected a draft for the planted move");
    expect(ZInsightDraft.parse(draft)).toEqual(draft);
    expect(draft.dedupeKey).toBe(`bottleneck-move:${LINE.id}:${A}:${B}:${move.at / stepMs}`);
    expect(draft.title).toBe("Line 1: the bottleneck moved from PRS-01 to WLD-02");
    expect(draft.explanation).toContain(`The bottleneck moved from PRS-01 to WLD-02 at ${move.at / HOUR}:00.`);
    expect(Math.abs(draft.spanStart - SWITCH_AT)).toBeLessThanOrEqual(stepMs);
    expect(draft.evidence.chart?.marked).toEqual([move.at]);
  });

  it("drops a move that the stretches either side do not confirm", () => {
    const line = movingLine();
    const move = { fromId: A, toId: B, at: SWITCH_AT };
    const reversed = findAverageBottleneck(line, { from: 0, to: SWITCH_AT });
    const draft = buildBottleneckMoveDraft({
      line: LINE,
      workCenters: WORK_CENTERS,
      move: { ...move, fromId: B, toId: A },
      before: reversed,
      after: findAverageBottleneck(line, { from: SWITCH_AT, to: window.to }),
      stepMs: HOUR,
      lead: [],
      formatTime: String,
    });
    expect(draft).toBeNull();
  });
});
