import { describe, expect, it } from "vitest";
import { formatIsoWeek, groupDaysIntoIsoWeeks, isoWeekOf, startOfIsoWeek } from "./iso-week";
import { addDays, formatLocalDate } from "./zoned-time";

const date = (text: string) => {
  const [year = 0, month = 0, day = 0] = text.split("-").map(Number);
  return { year, month, day };
};
const weekOf = (text: string) => formatIsoWeek(isoWeekOf(date(text)));

function daysFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => formatLocalDate(addDays(date(first), index)));
}

describe("isoWeekOf", () => {
  it("numbers weeks from Monday, week 1 holding the year's first Thursday", () => {
    expect(weekOf("2026-01-01")).toBe("2026-W01"); // a Thursday
    expect(weekOf("2025-12-29")).toBe("2026-W01"); // its Monday, still in 2025
    expect(weekOf("2026-01-04")).toBe("2026-W01"); // Sunday
    expect(weekOf("2026-01-05")).toBe("2026-W02");
    expect(weekOf("2026-03-08")).toBe("2026-W10");
    expect(weekOf("2026-03-09")).toBe("2026-W11");
  });

  it("puts the turn of a year with 53 weeks in the right year", () => {
    expect(weekOf("2026-12-31")).toBe("2026-W53");
    expect(weekOf("2027-01-03")).toBe("2026-W53");
    expect(weekOf("2027-01-04")).toBe("2027-W01");
    expect(weekOf("2021-01-03")).toBe("2020-W53");
    expect(weekOf("2024-12-30")).toBe("2025-W01");
  });

  it("agrees with a day-by-day count over several years", () => {
    let expected = { year: 2019, week: 52 }; // 2019-12-29 is a Sunday of 2019-W52
    for (const day of daysFrom("2019-12-30", 7 * 320)) {
      const parsed = date(day);
      if (formatLocalDate(startOfIsoWeek(parsed)) === day) {
        const thursday = addDays(parsed, 3);
        expected =
          thursday.year === expected.year
            ? { year: expected.year, week: expected.week + 1 }
            : { year: thursday.year, week: 1 };
      }
      expect(isoWeekOf(parsed)).toEqual(expected);
    }
  });
});

describe("groupDaysIntoIsoWeeks", () => {
  it("gives whole weeks Monday to Sunday, not partial", () => {
    const weeks = groupDaysIntoIsoWeeks(daysFrom("2026-03-02", 14));
    expect(weeks.map((week) => [week.key, week.weekStart, week.weekEnd, week.days.length, week.partial])).toEqual([
      ["2026-W10", "2026-03-02", "2026-03-08", 7, false],
      ["2026-W11", "2026-03-09", "2026-03-15", 7, false],
    ]);
  });

  it("clips the weeks the range cuts and marks them partial", () => {
    // Thursday 5 March to Tuesday 17 March.
    const weeks = groupDaysIntoIsoWeeks(daysFrom("2026-03-05", 13));
    expect(weeks.map((week) => [week.key, week.days[0], week.days.at(-1), week.partial])).toEqual([
      ["2026-W10", "2026-03-05", "2026-03-08", true],
      ["2026-W11", "2026-03-09", "2026-03-15", false],
      ["2026-W12", "2026-03-16", "2026-03-17", true],
    ]);
    expect(weeks[0]?.weekStart).toBe("2026-03-02");
  });

  it("keeps a week across New Year together", () => {
    const weeks = groupDaysIntoIsoWeeks(daysFrom("2026-12-28", 7));
    expect(weeks).toHaveLength(1);
    expect(weeks[0]).toMatchObject({ key: "2026-W53", weekStart: "2026-12-28", weekEnd: "2027-01-03", partial: false });
  });

  it("returns nothing for no days", () => {
    expect(groupDaysIntoIsoWeeks([])).toEqual([]);
  });
});
