import { describe, expect, it } from "vitest";
import { checkNoShiftPeriod, localDateTimeOf } from "./no-shift-period-rules";

const draft = {
  kind: "PLANNED_MAINTENANCE" as const,
  reason: "Press 3 annual service",
  start: { date: "2026-03-08", minute: 6 * 60 },
  end: { date: "2026-03-08", minute: 14 * 60 },
};

describe("checkNoShiftPeriod", () => {
  it("turns local times into UTC instants, daylight-saving correct", () => {
    // Chicago switches to CDT (UTC−5) at 02:00 on 2026-03-08.
    const check = checkNoShiftPeriod(draft, "America/Chicago");
    expect(check.errors).toEqual([]);
    expect(check.startsAt?.toISOString()).toBe("2026-03-08T11:00:00.000Z");
    expect(check.endsAt?.toISOString()).toBe("2026-03-08T19:00:00.000Z");
    const wholeDays = checkNoShiftPeriod(
      { ...draft, start: { date: "2026-03-07", minute: 0 }, end: { date: "2026-03-09", minute: 0 } },
      "America/Chicago",
    );
    // 47 real hours: the night clocks go forward is an hour short.
    expect((wholeDays.endsAt?.getTime() ?? 0) - (wholeDays.startsAt?.getTime() ?? 0)).toBe(47 * 3_600_000);
  });

  it("says when a local time does not exist because clocks go forward", () => {
    const check = checkNoShiftPeriod({ ...draft, start: { date: "2026-03-08", minute: 150 } }, "America/Chicago");
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      {
        field: "start",
        message:
          "02:30 on 2026-03-08 does not exist in America/Chicago (clocks go forward that night); the period starts at 03:30.",
      },
    ]);
  });

  it("refuses an end before the start, no description, and times off the quarter hour", () => {
    expect(
      checkNoShiftPeriod({ ...draft, end: { date: "2026-03-07", minute: 14 * 60 } }, "America/Chicago").errors,
    ).toEqual([{ field: "end", message: "The end is before the start. Check the dates and times." }]);
    expect(checkNoShiftPeriod({ ...draft, reason: " " }, "UTC").errors.map((e) => e.field)).toEqual(["reason"]);
    expect(
      checkNoShiftPeriod({ ...draft, start: { date: "2026-03-08", minute: 6 * 60 + 5 } }, "UTC").errors[0]?.message,
    ).toContain("06:05 is not on a quarter hour");
    expect(checkNoShiftPeriod({ ...draft, start: { date: "not a date", minute: 0 } }, "UTC").errors).toEqual([
      { field: "start", message: "Enter the start date." },
    ]);
    expect(
      checkNoShiftPeriod({ ...draft, end: { date: "2027-06-01", minute: 0 } }, "UTC").errors.map((e) => e.message),
    ).toEqual(["A period can last at most a year. Split longer closures into several."]);
  });

  it("reads a stored instant back as the local date and minute", () => {
    expect(localDateTimeOf(new Date("2026-03-08T11:00:00Z"), "America/Chicago")).toEqual({
      date: "2026-03-08",
      minute: 360,
    });
  });
});
