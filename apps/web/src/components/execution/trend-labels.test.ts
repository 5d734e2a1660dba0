import { describe, expect, it } from "vitest";
import { formatLocalDayRange, trendPointLabel, trendPointTick } from "./trend-labels";

const day = { week: null, shiftName: null, partial: false };

describe("trendPointLabel", () => {
  it("names days and shifts by their local date", () => {
    expect(trendPointLabel({ ...day, date: "2026-03-08", lastDate: "2026-03-08" })).toBe("Mar 8");
    expect(trendPointLabel({ ...day, date: "2026-03-08", lastDate: "2026-03-08", shiftName: "Early" })).toBe(
      "Mar 8 · Early",
    );
  });

  it("names weeks by ISO number and dates, and says when the range cut them", () => {
    const week = { week: "2026-W11", shiftName: null, partial: false, date: "2026-03-09", lastDate: "2026-03-15" };
    expect(trendPointLabel(week)).toBe("W11 · Mar 9–15");
    expect(trendPointLabel({ ...week, date: "2026-03-12", partial: true })).toBe("W11 · Mar 12–15 (partial)");
    expect(trendPointLabel({ ...week, week: "2026-W14", date: "2026-03-30", lastDate: "2026-04-05" })).toBe(
      "W14 · Mar 30 – Apr 5",
    );
    expect(trendPointTick(week)).toBe("W11");
    expect(trendPointTick({ ...week, partial: true })).toBe("W11 (partial)");
    expect(trendPointTick({ ...day, date: "2026-03-08", lastDate: "2026-03-08" })).toBe("Mar 8");
  });
});

describe("formatLocalDayRange", () => {
  it("gives one date when the range is one day", () => {
    expect(formatLocalDayRange("2026-03-10", "2026-03-10")).toBe("Mar 10");
  });
});
