import type { TStateInterval } from "@gemba/domain/execution/state-interval";
import { describe, expect, it } from "vitest";
import { splitAtUtcDays } from "./refresh-work-center";

const interval = (start: string, end: string): TStateInterval => ({
  start: Date.parse(start),
  end: Date.parse(end),
  state: "RUNNING",
  reasonCode: null,
  scheduled: true,
  unclassified: false,
  microStop: false,
  lossCategory: null,
  stopStart: null,
  shiftKey: null,
});

describe("stored intervals are at most a day long", () => {
  it("cuts an interval at every UTC midnight it crosses and leaves shorter ones alone", () => {
    const pieces = splitAtUtcDays([
      interval("2026-11-20T22:00:00Z", "2026-11-23T02:00:00Z"),
      interval("2026-11-23T02:00:00Z", "2026-11-23T03:00:00Z"),
    ]);
    expect(pieces.map((piece) => [new Date(piece.start).toISOString(), new Date(piece.end).toISOString()])).toEqual([
      ["2026-11-20T22:00:00.000Z", "2026-11-21T00:00:00.000Z"],
      ["2026-11-21T00:00:00.000Z", "2026-11-22T00:00:00.000Z"],
      ["2026-11-22T00:00:00.000Z", "2026-11-23T00:00:00.000Z"],
      ["2026-11-23T00:00:00.000Z", "2026-11-23T02:00:00.000Z"],
      ["2026-11-23T02:00:00.000Z", "2026-11-23T03:00:00.000Z"],
    ]);
  });
});
