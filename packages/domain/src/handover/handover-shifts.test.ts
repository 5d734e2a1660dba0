import { describe, expect, it } from "vitest";
import { expandShifts, type TShiftDefinition } from "../calendar/expand-shifts";
import { buildCalendarTimeline } from "../execution/calendar-timeline";
import {
  DRAFT_DUE_WINDOW_MS,
  draftMissesShiftEnd,
  shiftsEndedWithin,
  shiftsOfTimeline,
  shiftToDraftNow,
} from "./handover-shifts";

const HOUR = 3_600_000;
const EARLY: TShiftDefinition = {
  name: "Early",
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 6 * 60,
  durationMinutes: 8 * 60,
  breaks: [{ name: "Lunch", startOffsetMinutes: 4 * 60, durationMinutes: 30 }],
};
const NIGHT: TShiftDefinition = {
  name: "Night",
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 22 * 60,
  durationMinutes: 480,
  breaks: [],
};

/** The Berlin site's shifts overlapping [from, to), through the same path the database loader takes. */
function shiftsBetween(from: string, to: string) {
  const range = { from: Date.parse(from), to: Date.parse(to) };
  const instances = expandShifts({
    shifts: [EARLY, NIGHT],
    timeZone: "Europe/Berlin",
    from: new Date(range.from - 24 * HOUR),
    to: new Date(range.to + 24 * HOUR),
  });
  return shiftsOfTimeline(buildCalendarTimeline({ ...range, shifts: instances }));
}

describe("shiftsOfTimeline", () => {
  it("makes one instance of a shift its lunch break cuts in two, with the instance's own times", () => {
    // Monday 2026-11-16, 09:00–11:00 UTC: inside the Early shift (05:00–13:00 UTC), lunch 09:00–09:30.
    const shifts = shiftsBetween("2026-11-16T09:00:00Z", "2026-11-16T11:00:00Z");
    expect(shifts).toEqual([
      {
        key: "2026-11-16|Early",
        name: "Early",
        start: Date.parse("2026-11-16T05:00:00Z"),
        end: Date.parse("2026-11-16T13:00:00Z"),
      },
    ]);
  });

  it("names a night shift by the day it started", () => {
    const shifts = shiftsBetween("2026-11-16T22:00:00Z", "2026-11-17T06:00:00Z");
    expect(shifts.map((shift) => shift.key)).toEqual(["2026-11-16|Night", "2026-11-17|Early"]);
  });
});

describe("which shifts get a handover", () => {
  const shifts = shiftsBetween("2026-11-16T00:00:00Z", "2026-11-17T12:00:00Z");

  it("drafts shifts that ended in the last two hours, not before and not ones still running", () => {
    const earlyEnd = Date.parse("2026-11-16T13:00:00Z");
    expect(shiftsEndedWithin(shifts, earlyEnd - 1).map((shift) => shift.key)).toEqual([]);
    expect(shiftsEndedWithin(shifts, earlyEnd).map((shift) => shift.key)).toEqual(["2026-11-16|Early"]);
    expect(shiftsEndedWithin(shifts, earlyEnd + DRAFT_DUE_WINDOW_MS - 1).map((shift) => shift.key)).toEqual([
      "2026-11-16|Early",
    ]);
    expect(shiftsEndedWithin(shifts, earlyEnd + DRAFT_DUE_WINDOW_MS)).toEqual([]);
  });

  it("'Draft now' takes the running shift, else the last one that ended", () => {
    expect(shiftToDraftNow(shifts, Date.parse("2026-11-16T10:00:00Z"))?.key).toBe("2026-11-16|Early");
    expect(shiftToDraftNow(shifts, Date.parse("2026-11-16T18:00:00Z"))?.key).toBe("2026-11-16|Early");
    expect(shiftToDraftNow(shifts, Date.parse("2026-11-17T03:00:00Z"))?.key).toBe("2026-11-16|Night");
    expect(shiftToDraftNow(shifts, Date.parse("2026-11-16T00:30:00Z"))).toBeNull();
  });

  it("'Draft now' right after a shift change is the shift that just ended, until it is signed", () => {
    // 22:10 Berlin: the Early shift ended long ago, the Night shift runs.
    const nightStarted = Date.parse("2026-11-16T21:10:00Z");
    expect(shiftToDraftNow(shifts, nightStarted)?.key).toBe("2026-11-16|Night");
    // 06:10 Berlin on Tuesday: the Night shift ended ten minutes ago.
    const earlyStarted = Date.parse("2026-11-17T05:10:00Z");
    expect(shiftToDraftNow(shifts, earlyStarted)?.key).toBe("2026-11-16|Night");
    expect(shiftToDraftNow(shifts, earlyStarted, (shift) => shift.key === "2026-11-16|Night")?.key).toBe(
      "2026-11-17|Early",
    );
    expect(shiftToDraftNow(shifts, earlyStarted + DRAFT_DUE_WINDOW_MS)?.key).toBe("2026-11-17|Early");
  });

  it("drafts a 'Draft now' made during the shift again once the shift has ended", () => {
    const end = Date.parse("2026-11-16T13:00:00Z");
    expect(draftMissesShiftEnd(end - 60_000, end)).toBe(true);
    expect(draftMissesShiftEnd(end + 60_000, end)).toBe(false);
  });
});
