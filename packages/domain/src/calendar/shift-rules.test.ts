import { describe, expect, it } from "vitest";
import type { TShiftDefinition } from "./expand-shifts";
import { checkPattern, checkShift } from "./shift-rules";

const early: TShiftDefinition = {
  name: "Early",
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 6 * 60,
  durationMinutes: 480,
  breaks: [
    { name: "Break", startOffsetMinutes: 150, durationMinutes: 15 },
    { name: "Lunch", startOffsetMinutes: 300, durationMinutes: 30 },
  ],
};
const late: TShiftDefinition = { ...early, name: "Late", startMinute: 14 * 60 };
const night: TShiftDefinition = {
  name: "Night",
  weekdays: [7, 1, 2, 3, 4],
  startMinute: 22 * 60,
  durationMinutes: 480,
  breaks: [],
};

const messages = (issues: { message: string }[]) => issues.map((issue) => issue.message);
const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe("checkShift", () => {
  it("accepts a three-shift pattern whose shifts meet end to start, across midnight and the week's end", () => {
    expect(checkShift(night, [early, late])).toEqual({ errors: [], warnings: [] });
    expect(checkShift(early, [late, night])).toEqual({ errors: [], warnings: [] });
  });

  it("refuses overlapping shifts and says where, days grouped", () => {
    const longEarly = { ...early, durationMinutes: 540 };
    const check = checkShift(longEarly, [late, night]);
    expect(fields(check.errors)).toEqual(["times"]);
    expect(check.errors[0]?.message).toBe(
      'Overlaps "Late" (14:00–22:00) on Mon–Fri, 14:00–15:00. Shifts of one pattern can\'t overlap: let one end when the next begins.',
    );
  });

  it("finds an overlap that wraps from Sunday night into Monday", () => {
    const sundayNight = { ...night, name: "Sunday night", weekdays: [7], durationMinutes: 540 };
    const check = checkShift(sundayNight, [early]);
    expect(messages(check.errors)).toEqual([
      'Overlaps "Early" (06:00–14:00) on Mon, 06:00–07:00. Shifts of one pattern can\'t overlap: let one end when the next begins.',
    ]);
  });

  it("refuses shift boundaries off the quarter hour and suggests the nearest ones", () => {
    const check = checkShift({ ...early, startMinute: 6 * 60 + 10 }, []);
    expect(fields(check.errors)).toEqual(["start", "end"]);
    expect(check.errors[0]?.message).toContain("Starts at 06:10, not on a quarter hour");
    expect(check.errors[0]?.message).toContain("try 06:00 or 06:15");
    expect(check.errors[1]?.message).toContain("Ends at 14:10");
  });

  it("refuses a missing name, a duplicate name, no days and a shift that ends when it starts", () => {
    expect(fields(checkShift({ ...early, name: "  " }, []).errors)).toEqual(["name"]);
    expect(messages(checkShift({ ...late, name: "early" }, [early]).errors)).toContain(
      'This pattern already has a shift called "early". Pick another name.',
    );
    expect(fields(checkShift({ ...early, weekdays: [] }, []).errors)).toEqual(["weekdays"]);
    expect(messages(checkShift({ ...early, durationMinutes: 0 }, []).errors)).toEqual([
      "The shift ends when it starts. Enter a later end time.",
    ]);
  });

  it("refuses breaks outside their shift, overlapping each other or filling the shift", () => {
    const outside = checkShift(
      { ...early, breaks: [{ name: "Lunch", startOffsetMinutes: 470, durationMinutes: 30 }] },
      [],
    );
    expect(outside.errors).toEqual([
      {
        field: "breaks.0.start",
        message: "Lunch (13:50–14:20) is outside the shift (06:00–14:00). Breaks must lie within their shift.",
      },
    ]);
    const overlapping = checkShift(
      {
        ...early,
        breaks: [
          { name: "Lunch", startOffsetMinutes: 300, durationMinutes: 30 },
          { name: "Coffee", startOffsetMinutes: 315, durationMinutes: 15 },
        ],
      },
      [],
    );
    expect(fields(overlapping.errors)).toEqual(["breaks.1.start"]);
    expect(overlapping.errors[0]?.message).toContain("Coffee (11:15) starts before Lunch ends (11:30)");
    const full = checkShift({ ...early, breaks: [{ name: "All", startOffsetMinutes: 0, durationMinutes: 480 }] }, []);
    expect(messages(full.errors)).toEqual(["The breaks fill the whole shift. Leave some working time."]);
    const backwards = checkShift(
      { ...early, breaks: [{ name: "Lunch", startOffsetMinutes: 300, durationMinutes: 0 }] },
      [],
    );
    expect(fields(backwards.errors)).toEqual(["breaks.0.end"]);
  });

  it("allows breaks off the quarter hour with a warning", () => {
    const check = checkShift(
      { ...early, breaks: [{ name: "Coffee", startOffsetMinutes: 180, durationMinutes: 10 }] },
      [],
    );
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      {
        field: "breaks.0.start",
        message:
          "Coffee (09:00–09:10) is not on quarter hours. That is fine for OEE, but 15-minute charts show that quarter hour as partly break.",
      },
    ]);
  });
});

describe("checkPattern", () => {
  const monday = Date.parse("2026-11-23T06:00:00Z"); // Monday 00:00 in Chicago

  it("finds nothing wrong with a clean pattern", () => {
    expect(checkPattern([early, late, night], "America/Chicago", monday)).toEqual([]);
  });

  it("reports overlaps and shift changes off the quarter hour in stored data", () => {
    const warnings = checkPattern([{ ...early, durationMinutes: 490 }, late], "America/Chicago", monday);
    expect(messages(warnings)).toEqual([
      '"Early" and "Late" overlap on Mon–Fri, 14:00–14:10. Edit one so it ends when the other begins.',
    ]);
    const gap = checkPattern([{ ...early, durationMinutes: 470 }], "America/Chicago", monday);
    expect(messages(gap)[0]).toBe(
      "The shift change on Mon 13:50 is not on a quarter hour, so up to 14 min count toward the wrong shift. Move it to :00, :15, :30 or :45.",
    );
    expect(gap).toHaveLength(5);
  });
});
