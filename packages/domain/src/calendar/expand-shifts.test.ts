import { describe, expect, it } from "vitest";
import { expandShifts, type ShiftInstance, type TShiftDefinition, ZShiftDefinition } from "./expand-shifts";
import { addWorkingMinutes, countWorkingMinutes, listWorkingSpans } from "./working-time";

const WEEKDAYS = [1, 2, 3, 4, 5];
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

const early: TShiftDefinition = {
  name: "Early",
  weekdays: WEEKDAYS,
  startMinute: 6 * 60,
  durationMinutes: 480,
  breaks: [
    { name: "Break", startOffsetMinutes: 120, durationMinutes: 15 },
    { name: "Lunch", startOffsetMinutes: 300, durationMinutes: 30 },
  ],
};
const late: TShiftDefinition = { ...early, name: "Late", startMinute: 14 * 60 };
const night: TShiftDefinition = {
  name: "Night",
  weekdays: ALL_DAYS,
  startMinute: 22 * 60,
  durationMinutes: 480,
  breaks: [{ name: "Lunch", startOffsetMinutes: 240, durationMinutes: 30 }],
};

const hoursOf = (instance: ShiftInstance | undefined) =>
  instance ? (instance.end.getTime() - instance.start.getTime()) / 3_600_000 : Number.NaN;
const iso = (date: Date | undefined) => date?.toISOString();

describe("expandShifts", () => {
  it("lists a week of a two-shift pattern in the site's zone", () => {
    const instances = expandShifts({
      shifts: [early, late],
      timeZone: "America/Chicago",
      from: new Date("2026-11-16T06:00:00Z"), // Monday 00:00 CST
      to: new Date("2026-11-23T06:00:00Z"),
    });
    expect(instances).toHaveLength(10);
    expect(instances.map((i) => `${i.localDate} ${i.shiftName}`).slice(0, 3)).toEqual([
      "2026-11-16 Early",
      "2026-11-16 Late",
      "2026-11-17 Early",
    ]);
    const first = instances[0];
    expect(iso(first?.start)).toBe("2026-11-16T12:00:00.000Z");
    expect(iso(first?.end)).toBe("2026-11-16T20:00:00.000Z");
    expect(first?.breaks.map((b) => [b.name, iso(b.start), iso(b.end)])).toEqual([
      ["Break", "2026-11-16T14:00:00.000Z", "2026-11-16T14:15:00.000Z"],
      ["Lunch", "2026-11-16T17:00:00.000Z", "2026-11-16T17:30:00.000Z"],
    ]);
  });

  it("returns whole instances overlapping the range, including one started the day before", () => {
    const instances = expandShifts({
      shifts: [night],
      timeZone: "Europe/Berlin",
      from: new Date("2026-01-14T02:00:00Z"),
      to: new Date("2026-01-14T03:00:00Z"),
    });
    expect(instances).toHaveLength(1);
    expect(instances[0]?.localDate).toBe("2026-01-13");
    expect(iso(instances[0]?.start)).toBe("2026-01-13T21:00:00.000Z");
    expect(iso(instances[0]?.end)).toBe("2026-01-14T05:00:00.000Z");
  });

  it("makes the night shift an hour shorter when clocks spring forward and longer when they fall back", () => {
    const spring = expandShifts({
      shifts: [night],
      timeZone: "Europe/Berlin",
      from: new Date("2026-03-28T12:00:00Z"),
      to: new Date("2026-03-29T12:00:00Z"),
    });
    expect(spring.map((i) => i.localDate)).toEqual(["2026-03-28"]);
    expect(hoursOf(spring[0])).toBe(7);
    expect(iso(spring[0]?.end)).toBe("2026-03-29T04:00:00.000Z"); // 06:00 CEST

    const autumn = expandShifts({
      shifts: [night],
      timeZone: "Europe/Berlin",
      from: new Date("2026-10-24T12:00:00Z"),
      to: new Date("2026-10-25T12:00:00Z"),
    });
    expect(hoursOf(autumn[0])).toBe(9);
    expect(iso(autumn[0]?.end)).toBe("2026-10-25T05:00:00.000Z"); // 06:00 CET

    const chicagoSpring = expandShifts({
      shifts: [night],
      timeZone: "America/Chicago",
      from: new Date("2026-03-08T00:00:00Z"),
      to: new Date("2026-03-08T12:00:00Z"),
    });
    expect(hoursOf(chicagoSpring[0])).toBe(7);
    const chicagoAutumn = expandShifts({
      shifts: [night],
      timeZone: "America/Chicago",
      from: new Date("2026-10-31T23:00:00Z"),
      to: new Date("2026-11-01T12:00:00Z"),
    });
    expect(hoursOf(chicagoAutumn[0])).toBe(9);
    // The lunch at 02:00 local keeps its 30 real minutes.
    const lunch = chicagoAutumn[0]?.breaks[0];
    expect(lunch && (lunch.end.getTime() - lunch.start.getTime()) / 60_000).toBe(30);
  });

  it("keeps day shifts at 8 h across a DST change that happens at night", () => {
    const instances = expandShifts({
      shifts: [early],
      timeZone: "America/Chicago",
      from: new Date("2026-03-06T00:00:00Z"),
      to: new Date("2026-03-11T00:00:00Z"),
    });
    expect(instances.map(hoursOf)).toEqual([8, 8, 8]);
    expect(iso(instances[0]?.start)).toBe("2026-03-06T12:00:00.000Z"); // Friday 06:00 CST
    expect(iso(instances[1]?.start)).toBe("2026-03-09T11:00:00.000Z"); // Monday 06:00 CDT
  });

  it("removes, trims and splits shifts inside no-shift periods", () => {
    const instances = expandShifts({
      shifts: [early, late],
      timeZone: "America/Chicago",
      from: new Date("2026-11-16T06:00:00Z"),
      to: new Date("2026-11-18T06:00:00Z"),
      noShiftPeriods: [
        // Monday: the whole day is a holiday.
        { start: new Date("2026-11-16T06:00:00Z"), end: new Date("2026-11-17T06:00:00Z") },
        // Tuesday: maintenance 09:00–10:00 local splits the early shift, and 20:00 onwards trims the late one.
        { start: new Date("2026-11-17T15:00:00Z"), end: new Date("2026-11-17T16:00:00Z") },
        { start: new Date("2026-11-18T02:00:00Z"), end: new Date("2026-11-18T06:00:00Z") },
      ],
    });
    expect(instances.map((i) => [i.shiftName, iso(i.start), iso(i.end)])).toEqual([
      ["Early", "2026-11-17T12:00:00.000Z", "2026-11-17T15:00:00.000Z"],
      ["Early", "2026-11-17T16:00:00.000Z", "2026-11-17T20:00:00.000Z"],
      ["Late", "2026-11-17T20:00:00.000Z", "2026-11-18T02:00:00.000Z"],
    ]);
    // Each piece keeps only the breaks inside it.
    expect(instances[0]?.breaks.map((b) => b.name)).toEqual(["Break"]);
    expect(instances[1]?.breaks.map((b) => b.name)).toEqual(["Lunch"]);
  });

  it("returns nothing for an empty range", () => {
    const at = new Date("2026-11-17T12:00:00Z");
    expect(expandShifts({ shifts: [early], timeZone: "America/Chicago", from: at, to: at })).toEqual([]);
  });

  it("rejects a break that ends after its shift", () => {
    const result = ZShiftDefinition.safeParse({
      ...early,
      breaks: [{ name: "Lunch", startOffsetMinutes: 470, durationMinutes: 30 }],
    });
    expect(result.success).toBe(false);
  });
});

describe("working time", () => {
  const instances = expandShifts({
    shifts: [early, late],
    timeZone: "America/Chicago",
    from: new Date("2026-11-16T06:00:00Z"),
    to: new Date("2026-11-18T06:00:00Z"),
  });

  it("merges back-to-back shifts and leaves out breaks", () => {
    const spans = listWorkingSpans(instances);
    // Monday: 06:00–08:00, 08:15–11:00, 11:30–16:00 (Late starts without a gap), 16:15–19:00, 19:30–22:00.
    expect(spans).toHaveLength(10);
    expect(iso(spans[2]?.start)).toBe("2026-11-16T17:30:00.000Z");
    expect(iso(spans[2]?.end)).toBe("2026-11-16T22:00:00.000Z");
    expect(countWorkingMinutes(instances, new Date("2026-11-16T06:00:00Z"), new Date("2026-11-18T06:00:00Z"))).toBe(
      2 * 2 * (480 - 45),
    );
  });

  it("adds working minutes across breaks and nights", () => {
    const start = new Date("2026-11-16T13:30:00Z"); // Monday 07:30
    expect(iso(addWorkingMinutes(instances, start, 45) ?? undefined)).toBe("2026-11-16T14:30:00.000Z");
    // Through the end of Monday's late shift into Tuesday's early shift.
    const tuesday = addWorkingMinutes(instances, new Date("2026-11-17T03:30:00Z"), 60);
    expect(iso(tuesday ?? undefined)).toBe("2026-11-17T12:30:00.000Z");
    expect(addWorkingMinutes(instances, start, 100_000)).toBeNull();
  });
});
