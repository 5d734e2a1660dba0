import { describe, expect, it } from "vitest";
import { evenBoundaries, trackBottleneckOverTime } from "./bottleneck-over-time";
import { explainMove } from "./explain-bottleneck";
import { findMomentaryBottleneck } from "./momentary-bottleneck";
import { HOUR, MIN, mulberry32, randomTimeline, timeline } from "./test-timelines";

const BOTTLENECK = { activeMin: 25, idleMin: 1 };
const FEEDER = { activeMin: 8, idleMin: 4 };

describe("bottleneck over time", () => {
  it("finds a bottleneck that moves from A to B halfway, within one bucket", () => {
    const random = mulberry32(2024);
    const switchAt = 6 * HOUR;
    const line = [
      randomTimeline("A", 12 * HOUR, random, (t) => (t < switchAt ? BOTTLENECK : FEEDER)),
      randomTimeline("B", 12 * HOUR, random, (t) => (t < switchAt ? FEEDER : BOTTLENECK)),
      randomTimeline("C", 12 * HOUR, random, () => FEEDER),
    ];
    const result = trackBottleneckOverTime(line, evenBoundaries({ from: 0, to: 12 * HOUR }, HOUR));

    expect(result.buckets).toHaveLength(12);
    expect(result.moves).toHaveLength(1);
    const [move] = result.moves;
    expect(move).toMatchObject({ fromId: "A", toId: "B" });
    expect(Math.abs((move?.at ?? 0) - switchAt)).toBeLessThanOrEqual(HOUR);
    expect(
      explainMove(
        move ?? { fromId: "", toId: "", at: 0 },
        (id) => id,
        (ms) => `${ms / HOUR}h`,
      ),
    ).toMatch(/^The bottleneck moved from A to B at \d+h\.$/);

    // The momentary method sees the same story: A and B hold the line; C, a feeder throughout,
    // mostly only shares handovers.
    const momentary = findMomentaryBottleneck(line, { from: 0, to: 12 * HOUR });
    expect(momentary.shares[2]?.workCenterId).toBe("C");
    expect(momentary.shares[2]?.soleShare).toBeLessThan(0.15);
  });

  it("does not call one odd bucket a move", () => {
    const line = [
      timeline("A", [
        ["RUNNING", 0, 60],
        ["IDLE", 60, 90],
        ["RUNNING", 90, 180],
      ]),
      timeline("B", [
        ["IDLE", 0, 60],
        ["RUNNING", 60, 90],
        ["IDLE", 90, 180],
      ]),
    ];
    const result = trackBottleneckOverTime(line, evenBoundaries({ from: 0, to: 180 * MIN }, 30 * MIN));
    expect(result.buckets.map((b) => b.bottleneckId)).toEqual(["A", "A", "B", "A", "A", "A"]);
    expect(result.moves).toEqual([]);
    expect(
      trackBottleneckOverTime(line, [0, 60 * MIN, 90 * MIN, 180 * MIN], { minConsecutiveBuckets: 1 }).moves,
    ).toEqual([
      { fromId: "A", toId: "B", at: 60 * MIN },
      { fromId: "B", toId: "A", at: 90 * MIN },
    ]);
  });

  it("leaves buckets without data empty, and rejects unordered boundaries", () => {
    const line = [
      timeline("A", [
        ["RUNNING", 0, 60],
        ["NO_SHIFT", 60, 120],
      ]),
    ];
    const result = trackBottleneckOverTime(line, [0, 60 * MIN, 120 * MIN]);
    expect(result.buckets.map((b) => [b.bottleneckId, b.activeShare])).toEqual([
      ["A", 1],
      [null, null],
    ]);
    expect(trackBottleneckOverTime([], []).buckets).toEqual([]);
    expect(() => trackBottleneckOverTime(line, [0, 60 * MIN, 60 * MIN])).toThrow(/strictly increasing/);
    expect(() => evenBoundaries({ from: 0, to: HOUR }, 0)).toThrow(/positive/);
  });
});
