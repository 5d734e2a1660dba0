import { insertEvents } from "@gemba/db/events/insert-events";
import { refreshWorkCenter } from "@gemba/db/execution/refresh-work-center";
import { withTenant, withTenantClient } from "@gemba/db/tenant-scope";
import { localDateTimeOf } from "@gemba/domain/calendar/no-shift-period-rules";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCalendarTestPlant, type TCalendarTestPlant } from "./testing/calendar-test-plant";

const HOUR = 3_600_000;
const QUARTER = 15 * 60_000;
let t: TCalendarTestPlant;

beforeAll(async () => {
  t = await createCalendarTestPlant("Nsp");
});

afterAll(async () => {
  await t.close();
});

beforeEach(async () => {
  for (const id of [t.workCenterA, t.workCenterB, t.workCenterNew, t.otherWorkCenter]) await t.takeRefresh(id);
});

/** The period's fields from two UTC instants, as the admin would type them in the site's zone. */
function localFields(start: number, end: number, timeZone: string) {
  const from = localDateTimeOf(start, timeZone);
  const to = localDateTimeOf(end, timeZone);
  return { startDate: from.date, startMinute: from.minute, endDate: to.date, endMinute: to.minute };
}

describe("no-shift periods", () => {
  it("stores local input as UTC, daylight-saving correct, and queues nothing for the future", async () => {
    const admin = await t.callerFor("ADMIN");
    // Berlin's clocks go forward on 2027-03-28: that whole day is 23 hours long.
    const created = await admin.calendar.createNoShiftPeriod({
      siteId: t.siteId,
      kind: "HOLIDAY",
      reason: "Easter Sunday",
      startDate: "2027-03-28",
      startMinute: 0,
      endDate: "2027-03-29",
      endMinute: 0,
    });
    expect(created.refresh).toBeNull();
    expect(await t.takeRefresh(t.workCenterA)).toBeNull();
    const stored = await withTenant(t.db.app.prisma, t.plant.tenantId, (tx) =>
      tx.noShiftPeriod.findFirstOrThrow({ where: { id: created.periodId } }),
    );
    expect(stored.startsAt.toISOString()).toBe("2027-03-27T23:00:00.000Z");
    expect(stored.endsAt.toISOString()).toBe("2027-03-28T22:00:00.000Z");

    const list = await admin.calendar.noShiftPeriods({ siteId: t.siteId });
    expect(list.upcoming).toMatchObject([
      {
        id: created.periodId,
        kind: "HOLIDAY",
        status: "UPCOMING",
        start: { date: "2027-03-28", minute: 0 },
        end: { date: "2027-03-29", minute: 0 },
      },
    ]);
  });

  it("refuses an end before the start and times off the quarter hour, with messages to act on", async () => {
    const admin = await t.callerFor("ADMIN");
    const base = { siteId: t.siteId, kind: "SHUTDOWN" as const, reason: "Summer shutdown" };
    await expect(
      admin.calendar.createNoShiftPeriod({
        ...base,
        startDate: "2027-08-02",
        startMinute: 0,
        endDate: "2027-07-30",
        endMinute: 0,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The end is before the start. Check the dates and times.",
    });
    await expect(
      admin.calendar.createNoShiftPeriod({
        ...base,
        startDate: "2027-08-02",
        startMinute: 6 * 60 + 5,
        endDate: "2027-08-06",
        endMinute: 0,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("06:05 is not on a quarter hour"),
    });
    await expect(
      admin.calendar.updateNoShiftPeriod({
        ...base,
        periodId: crypto.randomUUID(),
        startDate: "2027-08-02",
        startMinute: 0,
        endDate: "2027-08-06",
        endMinute: 0,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a maintenance window that began two hours ago re-derives the site's timelines up to now", async () => {
    const admin = await t.callerFor("ADMIN");
    const start = Math.floor((Date.now() - 2 * HOUR) / QUARTER) * QUARTER;
    const end = start + 6 * HOUR;
    const before = Date.now();
    const created = await admin.calendar.createNoShiftPeriod({
      siteId: t.siteId,
      kind: "PLANNED_MAINTENANCE",
      reason: "Hydraulics service",
      ...localFields(start, end, t.timeZone),
    });
    expect(created.refresh).toEqual({ workCenters: 2, from: new Date(start) });
    const span = await t.takeRefresh(t.workCenterA);
    expect(span?.from).toBe(start);
    expect(span?.to).toBeGreaterThanOrEqual(before);
    expect(span?.to).toBeLessThan(end);
    expect(await t.takeRefresh(t.otherWorkCenter)).toBeNull();

    const list = await admin.calendar.noShiftPeriods({ siteId: t.siteId });
    expect(list.upcoming.map((period) => [period.reason, period.status])).toEqual([
      ["Hydraulics service", "ONGOING"],
      ["Easter Sunday", "UPCOMING"],
    ]);

    // Edited to have ended an hour ago: now a recent period; the re-derived span covers old and new times.
    const updated = await admin.calendar.updateNoShiftPeriod({
      periodId: created.periodId,
      kind: "PLANNED_MAINTENANCE",
      reason: "Hydraulics service (done early)",
      ...localFields(start - 2 * HOUR, start + HOUR, t.timeZone),
    });
    expect(updated.refresh?.from).toEqual(new Date(start - 2 * HOUR));
    const afterEdit = await admin.calendar.noShiftPeriods({ siteId: t.siteId });
    expect(afterEdit.recent.map((period) => [period.reason, period.status])).toEqual([
      ["Hydraulics service (done early)", "PAST"],
    ]);

    await admin.calendar.deleteNoShiftPeriod({ periodId: created.periodId });
    expect((await admin.calendar.noShiftPeriods({ siteId: t.siteId })).recent).toEqual([]);
    const actions = await withTenant(t.db.app.prisma, t.plant.tenantId, async (tx) =>
      (
        await tx.auditEntry.findMany({
          where: { entityId: created.periodId },
          orderBy: { id: "asc" },
          select: { action: true, summary: true },
        })
      ).map((entry) => `${entry.action}: ${entry.summary}`),
    );
    expect(actions).toHaveLength(3);
    expect(actions[0]).toMatch(/^no_shift_period\.create: Added planned maintenance "Hydraulics service", /);
    expect(actions[0]).toContain("(Europe/Berlin) at Nsp Site");
    expect(actions[2]).toMatch(/^no_shift_period\.delete: /);
  });

  it("the re-derived timeline shows the maintenance window as a planned stop", async () => {
    const admin = await t.callerFor("ADMIN");
    const now = Date.now();
    const stopped = now - 5 * HOUR;
    await withTenantClient(t.db.app.pool, t.plant.tenantId, (client) =>
      insertEvents(client, t.plant.tenantId, [
        {
          workCenterId: t.otherWorkCenter,
          kind: "machine.state",
          eventTime: new Date(stopped),
          sourceId: "plc",
          dedupeKey: "down",
          payload: { state: "DOWN" },
        },
      ]),
    );
    await refreshWorkCenter(t.db.app.pool, {
      tenantId: t.plant.tenantId,
      workCenterId: t.otherWorkCenter,
      changedFrom: stopped,
      changedTo: now,
      now,
    });
    const start = Math.floor((now - 3 * HOUR) / QUARTER) * QUARTER;
    await admin.calendar.createNoShiftPeriod({
      siteId: t.otherSiteId,
      kind: "PLANNED_MAINTENANCE",
      reason: "Spindle bearing replacement",
      ...localFields(start, start + 4 * HOUR, "America/Chicago"),
    });
    // What the worker does with the queued refresh.
    const span = await t.takeRefresh(t.otherWorkCenter);
    expect(span?.from).toBe(start);
    await refreshWorkCenter(t.db.app.pool, {
      tenantId: t.plant.tenantId,
      workCenterId: t.otherWorkCenter,
      changedFrom: span?.from ?? 0,
      changedTo: span?.to ?? 0,
      now: Date.now(),
    });
    const inWindow = await withTenant(t.db.app.prisma, t.plant.tenantId, (tx) =>
      tx.stateInterval.findMany({
        where: { workCenterId: t.otherWorkCenter, start: { gte: new Date(start), lt: new Date(now - 60_000) } },
        select: { state: true, reasonCode: true, scheduled: true },
      }),
    );
    expect(inWindow.length).toBeGreaterThan(0);
    for (const interval of inWindow) {
      expect(interval).toEqual({ state: "PLANNED_STOP", reasonCode: "PLANNED_MAINTENANCE", scheduled: false });
    }
  });
});
