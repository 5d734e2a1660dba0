import { describe, expect, it } from "vitest";
import { layoutWeek, weeklyMinutes } from "./week-layout";

const early = {
  id: "e",
  name: "Early",
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 360,
  durationMinutes: 480,
  breaks: [{ id: "l", name: "Lunch", startOffsetMinutes: 300, durationMinutes: 30 }],
};
const night = {
  id: "n",
  name: "Night",
  weekdays: [7],
  startMinute: 1320,
  durationMinutes: 480,
  breaks: [{ id: "b", name: "Break", startOffsetMinutes: 90, durationMinutes: 60 }],
};

describe("layoutWeek", () => {
  it("puts each shift on its days with its breaks in local minutes", () => {
    const days = layoutWeek([early]);
    expect(days.map((day) => day.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(days[0]?.[0]).toMatchObject({
      shiftName: "Early",
      startMinute: 360,
      endMinute: 840,
      continuesNextDay: false,
      breaks: [{ name: "Lunch", startMinute: 660, endMinute: 690 }],
    });
  });

  it("splits a night shift at midnight, Sunday night continuing on Monday, a break cut in two", () => {
    const days = layoutWeek([early, night]);
    expect(days[6]).toMatchObject([
      {
        shiftName: "Night",
        startedOn: 7,
        startMinute: 1320,
        endMinute: 1440,
        continuesNextDay: true,
        breaks: [{ startMinute: 1410, endMinute: 1440 }],
      },
    ]);
    expect(days[0]?.map((block) => [block.shiftName, block.startMinute, block.endMinute])).toEqual([
      ["Night", 0, 360],
      ["Early", 360, 840],
    ]);
    expect(days[0]?.[0]).toMatchObject({
      startedOn: 7,
      continuesFromPreviousDay: true,
      breaks: [{ startMinute: 0, endMinute: 30 }],
    });
  });

  it("sums a week's shift, break and planned time", () => {
    expect(weeklyMinutes([early, night])).toEqual({ shift: 6 * 480, breaks: 5 * 30 + 60, planned: 6 * 480 - 210 });
  });
});
