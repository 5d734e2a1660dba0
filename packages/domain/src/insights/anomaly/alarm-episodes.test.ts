import { describe, expect, it } from "vitest";
import { foldAlarmsIntoEpisodes } from "./alarm-episodes";
import type { TDetectorStep } from "./change-statistics";

const steps = (pattern: string): TDetectorStep[] =>
  [...pattern].map((c, i) => ({
    statistic: 0,
    limit: 1,
    alarm: c === "U" ? "UP" : c === "D" ? "DOWN" : null,
    shiftSigmas: c === "U" ? 1 + i / 100 : c === "D" ? -1 : 0,
  }));

describe("folding alarms into episodes", () => {
  it("keeps one episode open across short dips back inside the limits", () => {
    expect(foldAlarmsIntoEpisodes(steps("..UU.UU..U......"), 3)).toEqual([
      { direction: "UP", startIndex: 2, endIndex: 9, recoveredIndex: 12, peakIndex: 9 },
    ]);
  });

  it("opens a new episode after recovery, and leaves the last one open", () => {
    expect(foldAlarmsIntoEpisodes(steps("UU...UU"), 3)).toEqual([
      { direction: "UP", startIndex: 0, endIndex: 1, recoveredIndex: 4, peakIndex: 1 },
      { direction: "UP", startIndex: 5, endIndex: 6, recoveredIndex: null, peakIndex: 6 },
    ]);
  });

  it("starts a separate episode when the alarm changes side", () => {
    const episodes = foldAlarmsIntoEpisodes(steps("UU.DD"), 5);
    expect(episodes.map((e) => [e.direction, e.startIndex, e.recoveredIndex])).toEqual([
      ["UP", 0, 3],
      ["DOWN", 3, null],
    ]);
  });
});
