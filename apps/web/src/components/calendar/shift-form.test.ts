import { describe, expect, it } from "vitest";
import { draftOfShift, shiftFromDraft, suggestBreak, suggestNewShift } from "./shift-form";

const night = {
  name: "Night",
  weekdays: [7, 1, 2, 3, 4],
  startMinute: 1320,
  durationMinutes: 480,
  breaks: [{ name: "Break", startOffsetMinutes: 240, durationMinutes: 30 }],
};

describe("shift form", () => {
  it("shows a night shift in wall-clock times and reads it back unchanged", () => {
    const draft = draftOfShift(night);
    expect(draft).toMatchObject({
      start: "22:00",
      end: "06:00",
      breaks: [{ name: "Break", start: "02:00", end: "02:30" }],
    });
    expect(shiftFromDraft(draft)).toEqual({ shift: { ...night, weekdays: [1, 2, 3, 4, 7] }, errors: [] });
  });

  it("reads an end at the start as a full day and a break ending before it starts as negative", () => {
    const { shift } = shiftFromDraft({
      name: "Day",
      weekdays: [1],
      start: "06:00",
      end: "06:00",
      breaks: [{ key: "a", name: "Lunch", start: "12:00", end: "11:30" }],
    });
    expect(shift?.durationMinutes).toBe(1440);
    expect(shift?.breaks[0]).toEqual({ name: "Lunch", startOffsetMinutes: 360, durationMinutes: -30 });
    // Before the shift: outside it (not "ends before it starts"); across midnight inside a night shift: fine.
    const early = shiftFromDraft({
      name: "Early",
      weekdays: [1],
      start: "06:00",
      end: "14:00",
      breaks: [{ key: "b", name: "Early tea", start: "05:30", end: "06:15" }],
    });
    expect(early.shift?.breaks[0]).toEqual({ name: "Early tea", startOffsetMinutes: 1410, durationMinutes: 45 });
    const night = shiftFromDraft({
      name: "Night",
      weekdays: [1],
      start: "22:00",
      end: "06:00",
      breaks: [{ key: "c", name: "Midnight", start: "23:45", end: "00:15" }],
    });
    expect(night.shift?.breaks[0]).toEqual({ name: "Midnight", startOffsetMinutes: 105, durationMinutes: 30 });
  });

  it("names the fields whose time cannot be read", () => {
    expect(
      shiftFromDraft({ name: "X", weekdays: [1], start: "", end: "25:00", breaks: [] }).errors.map((e) => e.field),
    ).toEqual(["start", "end"]);
  });

  it("suggests the next shift where the latest one ends", () => {
    expect(suggestNewShift([])).toMatchObject({ start: "06:00", end: "14:00", weekdays: [1, 2, 3, 4, 5] });
    const early = { ...night, name: "Early", weekdays: [1, 2, 3, 4, 5], startMinute: 360 };
    expect(suggestNewShift([early])).toMatchObject({ start: "14:00", end: "22:00", weekdays: [1, 2, 3, 4, 5] });
  });
});

describe("suggestBreak", () => {
  it("puts a half-hour break in the middle of the shift, past midnight for a night shift", () => {
    expect(suggestBreak({ name: "Early", weekdays: [1], start: "06:00", end: "14:00", breaks: [] })).toMatchObject({
      name: "Lunch",
      start: "10:00",
      end: "10:30",
    });
    expect(suggestBreak({ name: "Night", weekdays: [1], start: "22:00", end: "06:00", breaks: [] })).toMatchObject({
      start: "02:00",
      end: "02:30",
    });
  });
});
