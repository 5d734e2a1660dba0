import { describe, expect, it } from "vitest";
import { createRandom } from "../simulation/random";
import { deriveStateIntervals } from "./derive-state-intervals";
import type { TStateInterval } from "./state-interval";
import { at, calendarFor, deriveDay, EARLY, heartbeatsBetween, LATE, MIN, rows, signal } from "./test-support";

const EARLY_KEY = "2026-11-16|Early";
const LATE_KEY = "2026-11-16|Late";

/** The facts of a scheduled, running piece; spread and override for other expectations. */
const running = (start: number, end: number, shiftKey: string | null = EARLY_KEY): TStateInterval => ({
  start,
  end,
  state: "RUNNING",
  reasonCode: null,
  scheduled: true,
  unclassified: false,
  microStop: false,
  lossCategory: null,
  stopStart: null,
  shiftKey,
});

function expectCoverage(intervals: readonly TStateInterval[], from: number, end: number) {
  expect(intervals[0]?.start).toBe(from);
  expect(intervals[intervals.length - 1]?.end).toBe(end);
  intervals.forEach((interval, index) => {
    expect(interval.end).toBeGreaterThan(interval.start);
    if (index > 0) expect(interval.start).toBe(intervals[index - 1]?.end);
  });
}

describe("deriveStateIntervals", () => {
  it("holds each reported state until the next one and follows the calendar's break", () => {
    const intervals = deriveDay({
      signals: [
        signal(at("05:50"), "RUNNING"),
        signal(at("07:00"), "DOWN", "FAIL_MECH"),
        signal(at("07:30"), "RUNNING"),
        signal(at("10:00"), "PLANNED_STOP", "BREAK"),
        signal(at("10:30"), "RUNNING"),
      ],
    });
    expect(rows(intervals)).toEqual([
      ["06:00", "07:00", "RUNNING", null],
      ["07:00", "07:30", "DOWN", "FAIL_MECH"],
      ["07:30", "10:00", "RUNNING", null],
      ["10:00", "10:30", "PLANNED_STOP", "BREAK"],
      ["10:30", "14:00", "RUNNING", null],
    ]);
    expect(intervals[1]).toEqual({
      ...running(at("07:00"), at("07:30")),
      state: "DOWN",
      reasonCode: "FAIL_MECH",
      lossCategory: "EQUIPMENT_FAILURE",
      stopStart: at("07:00"),
    });
    expect(intervals[3]).toMatchObject({ scheduled: false, lossCategory: null, stopStart: null, shiftKey: EARLY_KEY });
    expectCoverage(intervals, at("06:00"), at("14:00"));
  });

  it("starts UNKNOWN when no state was ever reported", () => {
    const intervals = deriveDay({ signals: [signal(at("06:30"), "RUNNING")] });
    expect(rows(intervals)).toEqual([
      ["06:00", "06:30", "UNKNOWN", null],
      ["06:30", "10:00", "RUNNING", null],
      // Nobody stopped the machine for the break: production outside planned time.
      ["10:00", "10:30", "RUNNING", null],
      ["10:30", "14:00", "RUNNING", null],
    ]);
    expect(intervals[2]?.scheduled).toBe(false);
    // Unknown time inside a shift is planned time we cannot account for: scheduled, no loss category.
    expect(intervals[0]).toMatchObject({ scheduled: true, lossCategory: null, stopStart: null });
  });

  it("ends at now and never past it", () => {
    const intervals = deriveDay({ now: at("08:15"), signals: [signal(at("05:00"), "RUNNING")] });
    expect(rows(intervals)).toEqual([["06:00", "08:15", "RUNNING", null]]);
    expect(deriveDay({ now: at("05:00"), signals: [] })).toEqual([]);
  });

  it("ignores events after now, so a replay as of an earlier instant sees what was known then", () => {
    const signals = [signal(at("05:00"), "RUNNING"), signal(at("08:00"), "DOWN"), signal(at("08:01"), "RUNNING")];
    const asOf = deriveDay({ now: at("08:00") + 30_000, signals });
    expect(asOf[asOf.length - 1]).toMatchObject({ state: "DOWN", microStop: true, end: at("08:00") + 30_000 });
  });

  it("refuses a calendar that does not cover the range", () => {
    expect(() =>
      deriveStateIntervals({
        from: at("06:00"),
        to: at("14:00"),
        now: at("14:00"),
        signals: [],
        heartbeats: [],
        calendar: calendarFor({ shifts: [EARLY], from: at("06:00"), to: at("12:00") }),
      }),
    ).toThrow(RangeError);
  });

  describe("a stop overlapping a break", () => {
    it("leaves the break out of planned time, keeps the rest as a loss and one stopStart throughout", () => {
      const intervals = deriveDay({
        signals: [signal(at("05:00"), "RUNNING"), signal(at("09:50"), "DOWN"), signal(at("10:35"), "RUNNING")],
      });
      const stop = { state: "DOWN", reasonCode: null, unclassified: true, microStop: false } as const;
      expect(intervals.slice(1, 4)).toEqual([
        { ...running(at("09:50"), at("10:00")), ...stop, lossCategory: "EQUIPMENT_FAILURE", stopStart: at("09:50") },
        {
          ...running(at("10:00"), at("10:30")),
          state: "PLANNED_STOP",
          reasonCode: "BREAK",
          scheduled: false,
        },
        { ...running(at("10:30"), at("10:35")), ...stop, lossCategory: "EQUIPMENT_FAILURE", stopStart: at("09:50") },
      ]);
    });

    it("judges minor stop vs failure on the whole stop, not on the short pieces either side", () => {
      // 30 s before the break and 30 s after it: each piece is short, the stop is 31 minutes.
      const intervals = deriveDay({
        signals: [
          signal(at("05:00"), "RUNNING"),
          signal(at("09:59") + 30_000, "IDLE"),
          signal(at("10:30") + 30_000, "RUNNING"),
        ],
      });
      const pieces = intervals.filter((i) => i.stopStart === at("09:59") + 30_000);
      expect(pieces.map((p) => p.end - p.start)).toEqual([30_000, 30_000]);
      expect(pieces.every((p) => !p.microStop && p.unclassified)).toBe(true);
    });
  });

  it("splits a stop at a shift change by shift key but keeps it one stop", () => {
    const from = at("12:00");
    const to = at("16:00");
    const intervals = deriveStateIntervals({
      from,
      to,
      now: to,
      signals: [signal(at("11:00"), "RUNNING"), signal(at("13:50"), "DOWN"), signal(at("14:20"), "RUNNING")],
      heartbeats: heartbeatsBetween(at("11:00"), to),
      calendar: calendarFor({ shifts: [EARLY, LATE], from, to }),
      classifications: [{ stopStart: at("13:50"), reasonCode: "TOOL_BREAK", classifiedAt: at("14:25"), by: "op-7" }],
    });
    const stop = intervals.filter((i) => i.state === "DOWN");
    expect(stop.map((i) => [i.start, i.end, i.shiftKey])).toEqual([
      [at("13:50"), at("14:00"), EARLY_KEY],
      [at("14:00"), at("14:20"), LATE_KEY],
    ]);
    expect(stop.every((i) => i.stopStart === at("13:50") && i.reasonCode === "TOOL_BREAK" && !i.unclassified)).toBe(
      true,
    );
  });

  describe("minor stop vs failure at the threshold", () => {
    const stopOf = (lengthMs: number, state: "DOWN" | "IDLE" | "PLANNED_STOP" = "DOWN") =>
      deriveDay({
        signals: [
          signal(at("05:00"), "RUNNING"),
          signal(at("08:00"), state),
          signal(at("08:00") + lengthMs, "RUNNING"),
        ],
      }).find((i) => i.state === state && i.stopStart === at("08:00"));

    it("makes a stop 1 ms shorter than the threshold a minor stop", () => {
      expect(stopOf(2 * MIN - 1)).toMatchObject({ microStop: true, unclassified: false, lossCategory: "MINOR_STOPS" });
    });

    it("makes a stop exactly at the threshold a failure that waits for a reason", () => {
      expect(stopOf(2 * MIN)).toMatchObject({
        microStop: false,
        unclassified: true,
        lossCategory: "EQUIPMENT_FAILURE",
      });
    });

    it("treats short IDLE and reported PLANNED_STOP the same way", () => {
      expect(stopOf(MIN, "IDLE")).toMatchObject({ microStop: true, lossCategory: "MINOR_STOPS" });
      expect(stopOf(MIN, "PLANNED_STOP")).toMatchObject({ microStop: true, lossCategory: "MINOR_STOPS" });
    });

    it("uses the configured threshold", () => {
      const intervals = deriveDay({
        settings: { microStopThresholdMs: 5 * MIN },
        signals: [signal(at("05:00"), "RUNNING"), signal(at("08:00"), "DOWN"), signal(at("08:04"), "RUNNING")],
      });
      expect(intervals.find((i) => i.state === "DOWN")).toMatchObject({ microStop: true });
    });

    it("shows an ongoing stop as a minor stop until it passes the threshold, then as unclassified", () => {
      const signals = [signal(at("05:00"), "RUNNING"), signal(at("08:00"), "DOWN")];
      const early = deriveDay({ now: at("08:01"), signals });
      expect(early[early.length - 1]).toMatchObject({ state: "DOWN", microStop: true, unclassified: false });
      const later = deriveDay({ now: at("08:02"), signals });
      expect(later[later.length - 1]).toMatchObject({ state: "DOWN", microStop: false, unclassified: true });
    });
  });

  describe("silence", () => {
    it("opens UNKNOWN after the timeout and resumes the reported state at the next heartbeat", () => {
      const intervals = deriveDay({
        signals: [signal(at("05:00"), "RUNNING")],
        heartbeats: [...heartbeatsBetween(at("05:00"), at("09:01")), ...heartbeatsBetween(at("09:30"), at("14:00"))],
      });
      expect(rows(intervals).slice(0, 3)).toEqual([
        ["06:00", "09:10", "RUNNING", null],
        ["09:10", "09:30", "UNKNOWN", null],
        ["09:30", "10:00", "RUNNING", null],
      ]);
      expect(intervals[1]).toMatchObject({ scheduled: true, lossCategory: null, shiftKey: EARLY_KEY });
    });

    it("keeps a stop the same stop across a silence", () => {
      const intervals = deriveDay({
        signals: [signal(at("05:00"), "RUNNING"), signal(at("08:00"), "DOWN"), signal(at("09:00"), "RUNNING")],
        heartbeats: [...heartbeatsBetween(at("05:00"), at("08:01")), ...heartbeatsBetween(at("08:40"), at("14:00"))],
      });
      expect(rows(intervals).slice(1, 4)).toEqual([
        ["08:00", "08:10", "DOWN", null],
        ["08:10", "08:40", "UNKNOWN", null],
        ["08:40", "09:00", "DOWN", null],
      ]);
      expect(intervals[3]?.stopStart).toBe(at("08:00"));
    });

    it("goes UNKNOWN up to now when the work center stops talking", () => {
      const intervals = deriveDay({
        now: at("12:00"),
        signals: [signal(at("05:00"), "RUNNING")],
        heartbeats: heartbeatsBetween(at("05:00"), at("11:01")),
        settings: { unknownTimeoutMs: 5 * MIN },
      });
      expect(rows(intervals).slice(-2)).toEqual([
        ["10:30", "11:05", "RUNNING", null],
        ["11:05", "12:00", "UNKNOWN", null],
      ]);
    });

    it("shows no-shift time, not UNKNOWN, while a silent machine has no shift", () => {
      const from = at("12:00");
      const to = at("18:00");
      const intervals = deriveStateIntervals({
        from,
        to,
        now: to,
        signals: [signal(at("11:00"), "RUNNING"), signal(at("14:00"), "IDLE", "NO_SHIFT")],
        heartbeats: [at("11:00"), ...heartbeatsBetween(from, at("14:01"))],
        calendar: calendarFor({ shifts: [EARLY], from, to }),
      });
      expect(rows(intervals)).toEqual([
        ["12:00", "14:00", "RUNNING", null],
        ["14:00", "18:00", "NO_SHIFT", null],
      ]);
    });
  });

  it("reports RUNNING outside the shift and during a break as unscheduled production", () => {
    const from = at("04:00");
    const to = at("16:00");
    const intervals = deriveStateIntervals({
      from,
      to,
      now: to,
      signals: [signal(at("03:00"), "IDLE", "NO_SHIFT"), signal(at("05:00"), "RUNNING"), signal(at("15:00"), "IDLE")],
      heartbeats: heartbeatsBetween(at("03:00"), to),
      calendar: calendarFor({ shifts: [EARLY], from, to }),
    });
    expect(intervals.map((i) => [...(rows([i])[0] ?? []), i.scheduled])).toEqual([
      ["04:00", "05:00", "NO_SHIFT", null, false],
      ["05:00", "06:00", "RUNNING", null, false],
      ["06:00", "10:00", "RUNNING", null, true],
      ["10:00", "10:30", "RUNNING", null, false],
      ["10:30", "14:00", "RUNNING", null, true],
      ["14:00", "15:00", "RUNNING", null, false],
      ["15:00", "16:00", "NO_SHIFT", null, false],
    ]);
  });

  it("shows planned maintenance from the calendar as a planned stop outside planned time", () => {
    const from = at("06:00");
    const to = at("14:00");
    const intervals = deriveStateIntervals({
      from,
      to,
      now: to,
      signals: [signal(at("05:00"), "RUNNING"), signal(at("11:00"), "DOWN"), signal(at("13:00"), "RUNNING")],
      heartbeats: heartbeatsBetween(at("05:00"), to),
      calendar: calendarFor({
        shifts: [EARLY],
        from,
        to,
        noShiftPeriods: [{ start: at("11:00"), end: at("13:00"), kind: "PLANNED_MAINTENANCE" }],
      }),
    });
    expect(intervals.find((i) => i.start === at("11:00"))).toMatchObject({
      end: at("13:00"),
      state: "PLANNED_STOP",
      reasonCode: "PLANNED_MAINTENANCE",
      scheduled: false,
      stopStart: null,
    });
  });

  describe("determinism", () => {
    const base = [
      signal(at("05:00"), "RUNNING"),
      signal(at("07:00"), "DOWN"),
      signal(at("07:01"), "DOWN", "JAM"),
      signal(at("07:20"), "RUNNING"),
      signal(at("08:00"), "IDLE"),
      signal(at("08:00") + 45_000, "RUNNING"),
      signal(at("09:55"), "PLANNED_STOP", "BREAK"),
      signal(at("10:35"), "RUNNING"),
      signal(at("12:00"), "PLANNED_STOP", "CHANGEOVER"),
      signal(at("12:40"), "RUNNING"),
      signal(at("13:30"), "DOWN"),
    ];

    it("gives the same intervals for signals and heartbeats in any order", () => {
      const expected = deriveDay({ signals: base });
      const random = createRandom(20261116);
      for (let round = 0; round < 25; round += 1) {
        const shuffled = [...base].sort(() => random.next() - 0.5);
        const heartbeats = heartbeatsBetween(at("05:50"), at("14:00")).sort(() => random.next() - 0.5);
        expect(deriveDay({ signals: shuffled, heartbeats })).toEqual(expected);
      }
    });

    it("resolves signals at the same millisecond by severity, not by arrival", () => {
      const tie = [signal(at("05:00"), "RUNNING"), signal(at("08:00"), "RUNNING"), signal(at("08:00"), "DOWN", "JAM")];
      const one = deriveDay({ signals: tie });
      const other = deriveDay({ signals: [...tie].reverse() });
      expect(one).toEqual(other);
      expect(one.find((i) => i.start === at("08:00"))).toMatchObject({ state: "DOWN", reasonCode: "JAM" });
    });
  });
});
