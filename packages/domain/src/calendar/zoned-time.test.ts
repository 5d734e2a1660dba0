import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  formatLocalDate,
  isoWeekdayOf,
  offsetMinutesAt,
  utcToZoned,
  zonedToUtc,
} from "./zoned-time";

const at = (hours: number, minutes = 0) => hours * 60 + minutes;

describe("zonedToUtc", () => {
  it("converts ordinary local times in winter and summer", () => {
    expect(zonedToUtc({ year: 2026, month: 1, day: 15 }, at(6), "Europe/Berlin").toISOString()).toBe(
      "2026-01-15T05:00:00.000Z",
    );
    expect(zonedToUtc({ year: 2026, month: 7, day: 15 }, at(6), "Europe/Berlin").toISOString()).toBe(
      "2026-07-15T04:00:00.000Z",
    );
    expect(zonedToUtc({ year: 2026, month: 1, day: 15 }, at(6), "America/Chicago").toISOString()).toBe(
      "2026-01-15T12:00:00.000Z",
    );
    expect(zonedToUtc({ year: 2026, month: 7, day: 15 }, at(6), "America/Chicago").toISOString()).toBe(
      "2026-07-15T11:00:00.000Z",
    );
  });

  it("moves a local time inside the spring-forward gap forward by the gap", () => {
    // Berlin skips 02:00–03:00 on 2026-03-29: 02:30 does not exist and becomes 03:30 CEST.
    expect(zonedToUtc({ year: 2026, month: 3, day: 29 }, at(2, 30), "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    // Chicago skips 02:00–03:00 on 2026-03-08: 02:30 becomes 03:30 CDT.
    expect(zonedToUtc({ year: 2026, month: 3, day: 8 }, at(2, 30), "America/Chicago").toISOString()).toBe(
      "2026-03-08T08:30:00.000Z",
    );
    // The edges of the gap.
    expect(zonedToUtc({ year: 2026, month: 3, day: 29 }, at(1, 59), "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T00:59:00.000Z",
    );
    expect(zonedToUtc({ year: 2026, month: 3, day: 29 }, at(3), "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:00:00.000Z",
    );
  });

  it("takes the first occurrence of a local time repeated when clocks fall back", () => {
    // Berlin repeats 02:00–03:00 on 2026-10-25: 02:30 CEST (00:30Z) comes before 02:30 CET (01:30Z).
    expect(zonedToUtc({ year: 2026, month: 10, day: 25 }, at(2, 30), "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    // Chicago repeats 01:00–02:00 on 2026-11-01: 01:30 CDT (06:30Z) before 01:30 CST (07:30Z).
    expect(zonedToUtc({ year: 2026, month: 11, day: 1 }, at(1, 30), "America/Chicago").toISOString()).toBe(
      "2026-11-01T06:30:00.000Z",
    );
    expect(zonedToUtc({ year: 2026, month: 11, day: 1 }, at(2), "America/Chicago").toISOString()).toBe(
      "2026-11-01T08:00:00.000Z",
    );
  });

  it("accepts minutes past midnight and before it", () => {
    expect(zonedToUtc({ year: 2026, month: 1, day: 15 }, at(30), "Europe/Berlin").toISOString()).toBe(
      "2026-01-16T05:00:00.000Z",
    );
    expect(zonedToUtc({ year: 2026, month: 1, day: 15 }, -60, "Europe/Berlin").toISOString()).toBe(
      "2026-01-14T22:00:00.000Z",
    );
  });

  it("round-trips every quarter hour across both DST nights", () => {
    for (const [timeZone, date] of [
      ["Europe/Berlin", { year: 2026, month: 3, day: 29 }],
      ["Europe/Berlin", { year: 2026, month: 10, day: 25 }],
      ["America/Chicago", { year: 2026, month: 3, day: 8 }],
      ["America/Chicago", { year: 2026, month: 11, day: 1 }],
    ] as const) {
      for (let minute = 0; minute < 1440; minute += 15) {
        const instant = zonedToUtc(date, minute, timeZone);
        const back = utcToZoned(instant, timeZone);
        const inGap = formatLocalDate(back) !== formatLocalDate(date) || back.minuteOfDay !== minute;
        // Only the skipped hour may fail to round-trip, and then it lands exactly an hour later.
        if (inGap) expect(back.minuteOfDay).toBe(minute + 60);
      }
    }
  });
});

describe("utcToZoned and offsets", () => {
  it("reads the local wall clock and ISO weekday", () => {
    const zoned = utcToZoned(new Date("2026-11-01T06:30:00Z"), "America/Chicago");
    expect(zoned).toEqual({ year: 2026, month: 11, day: 1, minuteOfDay: at(1, 30), isoWeekday: 7 });
    expect(utcToZoned(new Date("2026-11-01T07:30:00Z"), "America/Chicago").minuteOfDay).toBe(at(1, 30));
  });

  it("reports the offset before and after a change", () => {
    expect(offsetMinutesAt(new Date("2026-03-29T00:59:00Z"), "Europe/Berlin")).toBe(60);
    expect(offsetMinutesAt(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe(120);
    expect(offsetMinutesAt(new Date("2026-11-01T06:59:00Z"), "America/Chicago")).toBe(-300);
    expect(offsetMinutesAt(new Date("2026-11-01T07:00:00Z"), "America/Chicago")).toBe(-360);
  });

  it("does local date arithmetic across month and year ends", () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(daysBetween({ year: 2026, month: 3, day: 27 }, { year: 2026, month: 3, day: 30 })).toBe(3);
    expect(isoWeekdayOf({ year: 2026, month: 11, day: 23 })).toBe(1);
    expect(formatLocalDate({ year: 2026, month: 3, day: 8 })).toBe("2026-03-08");
  });

  it("rejects an unknown time zone", () => {
    expect(() => utcToZoned(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
