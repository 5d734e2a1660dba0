import { describe, expect, it } from "vitest";
import type { TShiftDefinition } from "../calendar/expand-shifts";
import type { TCalendarSegment } from "./calendar-timeline";
import { plannedProductionMs } from "./calendar-timeline";
import { at, calendarFor, EARLY, HOUR, LATE, MIN } from "./test-support";

const hhmm = (time: number) => new Date(time).toISOString().slice(11, 16);
const compact = (segments: readonly TCalendarSegment[]) =>
  segments.map((s) => [hhmm(s.start), hhmm(s.end), s.kind, s.shift?.key ?? null]);

function expectContiguous(segments: readonly TCalendarSegment[], from: number, to: number) {
  expect(segments[0]?.start).toBe(from);
  expect(segments[segments.length - 1]?.end).toBe(to);
  segments.forEach((segment, index) => {
    expect(segment.end).toBeGreaterThan(segment.start);
    if (index > 0) expect(segment.start).toBe(segments[index - 1]?.end);
  });
}

describe("buildCalendarTimeline", () => {
  const from = at("00:00");
  const to = at("00:00", "2026-11-17");

  it("cuts a day into no-shift, production and break, each shift piece carrying its key", () => {
    const segments = calendarFor({ shifts: [EARLY], from, to });
    expect(compact(segments)).toEqual([
      ["00:00", "06:00", "NO_SHIFT", null],
      ["06:00", "10:00", "PRODUCTION", "2026-11-16|Early"],
      ["10:00", "10:30", "BREAK", "2026-11-16|Early"],
      ["10:30", "14:00", "PRODUCTION", "2026-11-16|Early"],
      ["14:00", "00:00", "NO_SHIFT", null],
    ]);
    expect(segments[1]?.shift).toEqual({
      key: "2026-11-16|Early",
      name: "Early",
      start: at("06:00"),
      end: at("14:00"),
    });
    expectContiguous(segments, from, to);
  });

  it("keeps back-to-back shifts apart by key, so a shift change is a segment boundary", () => {
    const segments = calendarFor({ shifts: [EARLY, LATE], from: at("13:00"), to: at("15:00") });
    expect(compact(segments)).toEqual([
      ["13:00", "14:00", "PRODUCTION", "2026-11-16|Early"],
      ["14:00", "15:00", "PRODUCTION", "2026-11-16|Late"],
    ]);
  });

  it("turns holidays into no-shift time and planned maintenance into its own kind", () => {
    const segments = calendarFor({
      shifts: [EARLY],
      from,
      to,
      noShiftPeriods: [
        { start: at("07:00"), end: at("08:00"), kind: "HOLIDAY" },
        { start: at("12:00"), end: at("16:00"), kind: "PLANNED_MAINTENANCE" },
      ],
    });
    expect(compact(segments)).toEqual([
      ["00:00", "06:00", "NO_SHIFT", null],
      ["06:00", "07:00", "PRODUCTION", "2026-11-16|Early"],
      ["07:00", "08:00", "NO_SHIFT", null],
      ["08:00", "10:00", "PRODUCTION", "2026-11-16|Early"],
      ["10:00", "10:30", "BREAK", "2026-11-16|Early"],
      ["10:30", "12:00", "PRODUCTION", "2026-11-16|Early"],
      // Maintenance keeps the shift it cuts; past the shift's end it belongs to none.
      ["12:00", "14:00", "PLANNED_MAINTENANCE", "2026-11-16|Early"],
      ["14:00", "16:00", "PLANNED_MAINTENANCE", null],
      ["16:00", "00:00", "NO_SHIFT", null],
    ]);
    expectContiguous(segments, from, to);
  });

  it("lets planned maintenance win over a shutdown it is scheduled into", () => {
    const segments = calendarFor({
      shifts: [EARLY],
      from: at("06:00"),
      to: at("14:00"),
      noShiftPeriods: [
        { start: at("06:00"), end: at("14:00"), kind: "SHUTDOWN" },
        { start: at("08:00"), end: at("09:00"), kind: "PLANNED_MAINTENANCE" },
      ],
    });
    expect(compact(segments)).toEqual([
      ["06:00", "08:00", "NO_SHIFT", null],
      ["08:00", "09:00", "PLANNED_MAINTENANCE", null],
      ["09:00", "14:00", "NO_SHIFT", null],
    ]);
  });

  it("treats a site without a calendar as producing 24/7, apart from its no-shift periods", () => {
    expect(compact(calendarFor({ shifts: null, from, to }))).toEqual([["00:00", "00:00", "PRODUCTION", null]]);
    const withShutdown = calendarFor({
      shifts: null,
      from,
      to,
      noShiftPeriods: [{ start: at("20:00"), end: at("22:00"), kind: "SHUTDOWN" }],
    });
    expect(compact(withShutdown)).toEqual([
      ["00:00", "20:00", "PRODUCTION", null],
      ["20:00", "22:00", "NO_SHIFT", null],
      ["22:00", "00:00", "PRODUCTION", null],
    ]);
  });

  it("gives overlapping shifts' common time to the one that started last", () => {
    const overlapping: TShiftDefinition = { ...LATE, startMinute: 13 * 60 + 30, breaks: [] };
    const segments = calendarFor({ shifts: [EARLY, overlapping], from: at("13:00"), to: at("15:00") });
    expect(compact(segments)).toEqual([
      ["13:00", "13:30", "PRODUCTION", "2026-11-16|Early"],
      ["13:30", "15:00", "PRODUCTION", "2026-11-16|Late"],
    ]);
  });

  it("returns nothing for an empty range", () => {
    expect(calendarFor({ shifts: [EARLY], from, to: from })).toEqual([]);
  });

  describe("a night shift across daylight-saving changes (America/Chicago)", () => {
    const night: TShiftDefinition = {
      name: "Night",
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startMinute: 22 * 60,
      durationMinutes: 8 * 60,
      breaks: [],
    };

    it("has 7 h of production the night clocks spring forward", () => {
      // Saturday 2026-03-07 22:00 CST (04:00Z) to Sunday 06:00 CDT (11:00Z).
      const segments = calendarFor({
        shifts: [night],
        timeZone: "America/Chicago",
        from: Date.parse("2026-03-08T00:00:00Z"),
        to: Date.parse("2026-03-08T14:00:00Z"),
      });
      const production = segments.filter((s) => s.kind === "PRODUCTION");
      expect(production.map((s) => s.shift?.key)).toEqual(["2026-03-07|Night"]);
      expect(production[0]?.start).toBe(Date.parse("2026-03-08T04:00:00Z"));
      expect(production[0]?.end).toBe(Date.parse("2026-03-08T11:00:00Z"));
      expect(
        plannedProductionMs(segments, Date.parse("2026-03-08T00:00:00Z"), Date.parse("2026-03-09T00:00:00Z")),
      ).toBe(7 * HOUR);
    });

    it("has 9 h of production the night clocks fall back", () => {
      const segments = calendarFor({
        shifts: [night],
        timeZone: "America/Chicago",
        from: Date.parse("2026-11-01T00:00:00Z"),
        to: Date.parse("2026-11-01T14:00:00Z"),
      });
      const production = segments.filter((s) => s.kind === "PRODUCTION");
      expect(production.map((s) => s.shift?.key)).toEqual(["2026-10-31|Night"]);
      expect((production[0]?.end ?? 0) - (production[0]?.start ?? 0)).toBe(9 * HOUR);
    });
  });

  it("sums planned production time between two instants, ignoring breaks and no-shift time", () => {
    const segments = calendarFor({ shifts: [EARLY, LATE], from, to });
    expect(plannedProductionMs(segments, from, to)).toBe(2 * (8 * HOUR - 30 * MIN));
    expect(plannedProductionMs(segments, at("09:00"), at("11:00"))).toBe(90 * MIN);
  });
});
