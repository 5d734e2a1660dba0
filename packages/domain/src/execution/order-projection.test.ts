import { describe, expect, it } from "vitest";
import type { TShiftDefinition } from "../calendar/expand-shifts";
import { plannedProductionMs } from "./calendar-timeline";
import { findInstantWithPlannedTime, projectOrderCompletion } from "./order-projection";
import { at, calendarFor, HOUR, MIN } from "./test-support";

const allDay = (from: number, to: number) => Math.max(0, to - from);
const now = at("08:00");
const base = { quantity: 1000, produced: 880, now, recentRatePerHour: 60, plannedProductionMsAhead: allDay };

describe("projectOrderCompletion", () => {
  it("is on time when even the pessimistic pace finishes before the due date", () => {
    const projection = projectOrderCompletion({ ...base, dueAt: at("12:00") });
    expect(projection).toMatchObject({
      status: "ON_TIME",
      atRisk: false,
      remaining: 120,
      projectedFinish: at("10:00"),
    });
    // ±15 % on the rate: 120 units at 69 and 51 units/h.
    expect(projection.earliest).toBe(now + Math.ceil((120 / 69) * HOUR));
    expect(projection.latest).toBe(now + Math.ceil((120 / 51) * HOUR));
    expect(projection.reason).toMatch(/before the due date/);
  });

  it("is at risk when the due date falls between the projected and the latest finish", () => {
    const projection = projectOrderCompletion({ ...base, dueAt: at("10:10") });
    expect(projection).toMatchObject({ status: "AT_RISK", atRisk: true });
    const behind = projectOrderCompletion({ ...base, dueAt: at("09:50") });
    expect(behind).toMatchObject({ status: "AT_RISK", atRisk: true });
    expect(behind.reason).toMatch(/after the due date/);
  });

  it("is late when even the optimistic pace misses the due date", () => {
    expect(projectOrderCompletion({ ...base, dueAt: at("09:00") })).toMatchObject({ status: "LATE", atRisk: true });
  });

  it("widens the window with the uncertainty", () => {
    const certain = projectOrderCompletion({ ...base, dueAt: at("10:00"), uncertainty: 0 });
    expect(certain).toMatchObject({ status: "ON_TIME", earliest: at("10:00"), latest: at("10:00") });
    const unbounded = projectOrderCompletion({ ...base, dueAt: at("23:00"), uncertainty: 1 });
    // At a pessimistic rate of 0 the order never finishes: it can only be at risk.
    expect(unbounded).toMatchObject({ status: "AT_RISK", latest: null });
  });

  it("counts only planned production time: a Friday afternoon order finishes on Monday", () => {
    const weekdays: TShiftDefinition = {
      name: "Day",
      weekdays: [1, 2, 3, 4, 5],
      startMinute: 6 * 60,
      durationMinutes: 480,
      breaks: [],
    };
    const friday = "2026-11-20";
    const calendar = calendarFor({ shifts: [weekdays], from: at("00:00", friday), to: at("00:00", "2026-11-25") });
    const ahead = (from: number, to: number) => plannedProductionMs(calendar, from, to);
    // 240 units at 60/h need 4 h of planned time: 12:00–14:00 Friday, then 06:00–08:00 Monday.
    const order = {
      quantity: 240,
      produced: 0,
      now: at("12:00", friday),
      recentRatePerHour: 60,
      plannedProductionMsAhead: ahead,
    };
    const dueSaturday = projectOrderCompletion({ ...order, dueAt: at("12:00", "2026-11-21") });
    expect(dueSaturday).toMatchObject({ status: "LATE", projectedFinish: at("08:00", "2026-11-23") });
    const dueMonday = projectOrderCompletion({ ...order, dueAt: at("12:00", "2026-11-23") });
    expect(dueMonday).toMatchObject({ status: "ON_TIME" });
    expect(dueMonday.latest).toBeLessThan(at("09:00", "2026-11-23"));
    // With 24/7 time the same order would be done Friday afternoon.
    expect(projectOrderCompletion({ ...order, plannedProductionMsAhead: allDay, dueAt: 0 }).projectedFinish).toBe(
      at("16:00", friday),
    );
  });

  it("cannot project without a recent rate, and says so", () => {
    const projection = projectOrderCompletion({ ...base, recentRatePerHour: null, dueAt: at("12:00") });
    expect(projection).toMatchObject({ status: "CANNOT_PROJECT", atRisk: false, projectedFinish: null });
    expect(projection.reason).toMatch(/No recent production rate/);
    expect(projectOrderCompletion({ ...base, recentRatePerHour: 0, dueAt: at("12:00") }).status).toBe("CANNOT_PROJECT");
  });

  it("is late without a rate once the due date has passed with work left", () => {
    expect(projectOrderCompletion({ ...base, recentRatePerHour: null, dueAt: at("07:00") })).toMatchObject({
      status: "LATE",
      atRisk: true,
    });
  });

  it("cannot project when the calendar has no planned time ahead", () => {
    const projection = projectOrderCompletion({ ...base, dueAt: at("12:00"), plannedProductionMsAhead: () => 0 });
    expect(projection).toMatchObject({ status: "CANNOT_PROJECT", projectedFinish: null });
    expect(projection.reason).toMatch(/Not enough planned production time/);
  });

  it("is complete once the quantity is produced", () => {
    expect(projectOrderCompletion({ ...base, produced: 1000, dueAt: at("07:00") })).toMatchObject({
      status: "COMPLETE",
      atRisk: false,
      remaining: 0,
      projectedFinish: now,
    });
  });
});

describe("findInstantWithPlannedTime", () => {
  it("finds the exact millisecond at which enough planned time has passed", () => {
    const calendar = calendarFor({
      shifts: [
        {
          name: "Day",
          weekdays: [1, 2, 3, 4, 5],
          startMinute: 360,
          durationMinutes: 480,
          breaks: [{ name: "Lunch", startOffsetMinutes: 240, durationMinutes: 30 }],
        },
      ],
      from: at("00:00"),
      to: at("00:00", "2026-11-18"),
    });
    const ahead = (from: number, to: number) => plannedProductionMs(calendar, from, to);
    // From 09:00: one hour to lunch at 10:00, 30 minutes of lunch, then 15 more minutes.
    expect(findInstantWithPlannedTime(at("09:00"), 75 * MIN, ahead, 7 * 24 * HOUR)).toBe(at("10:45"));
    expect(findInstantWithPlannedTime(at("09:00"), 0, ahead, HOUR)).toBe(at("09:00"));
    expect(findInstantWithPlannedTime(at("09:00"), 100 * HOUR, ahead, 2 * 24 * HOUR)).toBeNull();
  });
});
