import { describe, expect, it } from "vitest";
import {
  collapseStateChanges,
  decisionWindow,
  downtimeWindow,
  formatSpan,
  mergeTimeline,
  orderWindow,
  type TTimelineItem,
  WHY_LIMITS,
} from "./why-timeline";

const t0 = Date.parse("2026-11-24T10:00:00Z");
const min = 60_000;

function item(id: string, kind: TTimelineItem["kind"], atMinutes: number): TTimelineItem {
  return {
    id,
    kind,
    at: new Date(t0 + atMinutes * min),
    title: id,
    detail: null,
    tone: "neutral",
    workCenterCode: null,
    actor: null,
    ref: null,
  };
}

describe("merging the why-timeline", () => {
  const events = [item("event:1", "EVENT", 0), item("event:2", "EVENT", 30)];
  const states = [item("state:a", "STATE", 0), item("state:b", "STATE", 30)];
  const decisions = [item("decision:d", "DECISION", 30), item("constraint:c", "CONSTRAINT", 30)];

  it("orders newest first; at one instant decisions, then constraints, then machines", () => {
    const merged = mergeTimeline([events, states, decisions]);
    expect(merged.items.map((entry) => entry.id)).toEqual([
      "decision:d",
      "constraint:c",
      "state:b",
      "event:2",
      "state:a",
      "event:1",
    ]);
    expect(merged.truncated).toBe(false);
  });

  it("keeps an entry reached through two sources once", () => {
    const merged = mergeTimeline([decisions, [item("decision:d", "DECISION", 30)]]);
    expect(merged.items).toHaveLength(2);
    expect(merged.counts.DECISION).toBe(1);
  });

  it("filters by kind but counts every kind, and says when it cut the list", () => {
    const merged = mergeTimeline([events, states, decisions], { kinds: ["EVENT", "DECISION"], limit: 2 });
    expect(merged.items.map((entry) => entry.id)).toEqual(["decision:d", "event:2"]);
    expect(merged.counts).toMatchObject({ EVENT: 2, STATE: 2, DECISION: 1, CONSTRAINT: 1, TASK: 0 });
    expect(merged.truncated).toBe(true);
    expect(mergeTimeline([events], { kinds: [] }).items).toHaveLength(2);
    expect(mergeTimeline([events], { sourcesTruncated: true }).truncated).toBe(true);
  });
});

describe("state changes", () => {
  it("joins pieces cut by shifts and refreshes, but not different stops or reasons", () => {
    const piece = (start: number, end: number, state: string, reasonCode: string | null, stopStart: number | null) => ({
      start: t0 + start * min,
      end: t0 + end * min,
      state,
      reasonCode,
      stopStart: stopStart === null ? null : t0 + stopStart * min,
      unclassified: reasonCode === null && state === "DOWN",
    });
    const runs = collapseStateChanges([
      piece(30, 40, "DOWN", null, 30),
      piece(0, 15, "RUNNING", null, null),
      piece(15, 30, "RUNNING", null, null),
      piece(40, 50, "DOWN", null, 30),
      piece(50, 60, "DOWN", "JAM", 50),
      piece(70, 80, "RUNNING", null, null),
    ]);
    expect(runs.map((run) => [(run.start - t0) / min, (run.end - t0) / min, run.state, run.reasonCode])).toEqual([
      [0, 30, "RUNNING", null],
      [30, 50, "DOWN", null],
      [50, 60, "DOWN", "JAM"],
      [70, 80, "RUNNING", null],
    ]);
  });
});

describe("windows", () => {
  it("looks an hour around a stop, not into the future, at most a day", () => {
    expect(downtimeWindow(t0, t0 + 30 * min, t0 + 10 * 60 * min)).toEqual({ from: t0 - 60 * min, to: t0 + 90 * min });
    expect(downtimeWindow(t0, t0 + 30 * min, t0 + 45 * min).to).toBe(t0 + 45 * min);
    const long = downtimeWindow(t0, t0 + 3 * 24 * 60 * min, t0 + 4 * 24 * 60 * min);
    expect(long.to - long.from).toBe(WHY_LIMITS.downtimeMaxMs);
    expect(long.from).toBe(t0 - 60 * min);
  });

  it("covers an order's run, keeping its last week", () => {
    const now = t0 + 30 * 24 * 60 * min;
    expect(
      orderWindow({ startedAt: t0, releasedAt: null, createdAt: t0 - min, completedAt: t0 + 60 * min }, now),
    ).toEqual({ from: t0, to: t0 + 60 * min });
    const running = orderWindow({ startedAt: t0, releasedAt: null, createdAt: t0, completedAt: null }, now);
    expect(running).toEqual({ from: now - WHY_LIMITS.orderMaxMs, to: now });
    const planned = orderWindow({ startedAt: null, releasedAt: null, createdAt: now + min, completedAt: null }, now);
    expect(planned.from).toBeLessThanOrEqual(planned.to);
  });

  it("looks four hours either side of a decision, never past now", () => {
    expect(decisionWindow(t0, t0 + 60 * min)).toEqual({ from: t0 - 240 * min, to: t0 + 60 * min });
  });

  it("formats spans", () => {
    expect(formatSpan(42 * min)).toBe("42 min");
    expect(formatSpan(185 * min)).toBe("3 h 05 min");
    expect(formatSpan(52 * 60 * min)).toBe("2 d 4 h");
  });
});
