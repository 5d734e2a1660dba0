import { describe, expect, it } from "vitest";
import {
  describeShiftTimes,
  describeWeekdays,
  formatClock,
  formatMinutes,
  parseClock,
  parseLocalDate,
} from "./calendar-text";

describe("calendar text", () => {
  it("writes and reads wall-clock times, wrapping past midnight", () => {
    expect(formatClock(360)).toBe("06:00");
    expect(formatClock(22 * 60 + 480)).toBe("06:00");
    expect(formatClock(1440)).toBe("00:00");
    expect(parseClock("6:00")).toBe(360);
    expect(parseClock("22:45")).toBe(1365);
    expect(parseClock("24:00")).toBeNull();
    expect(parseClock("noon")).toBeNull();
  });

  it("says when a shift ends the next day", () => {
    expect(describeShiftTimes({ startMinute: 360, durationMinutes: 480 })).toBe("06:00–14:00");
    expect(describeShiftTimes({ startMinute: 1320, durationMinutes: 480 })).toBe("22:00–06:00 (next day)");
    expect(describeShiftTimes({ startMinute: 960, durationMinutes: 480 })).toBe("16:00–00:00");
  });

  it("names weekday sets as people do, with runs wrapping past Sunday", () => {
    expect(describeWeekdays([1, 2, 3, 4, 5])).toBe("Mon–Fri");
    expect(describeWeekdays([7, 1, 2, 3, 4])).toBe("Sun–Thu");
    expect(describeWeekdays([1, 3, 5])).toBe("Mon, Wed, Fri");
    expect(describeWeekdays([6, 7])).toBe("Sat, Sun");
    expect(describeWeekdays([1, 2, 3, 4, 5, 6, 7])).toBe("Every day");
    expect(describeWeekdays([1, 2, 3, 5, 6])).toBe("Mon–Wed, Fri, Sat");
    expect(describeWeekdays([])).toBe("No days");
  });

  it("formats durations and parses only real dates", () => {
    expect(formatMinutes(450)).toBe("7 h 30 min");
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(480)).toBe("8 h");
    expect(parseLocalDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseLocalDate("2026-02-29")).toBeNull();
    expect(parseLocalDate("29.02.2028")).toBeNull();
  });
});
