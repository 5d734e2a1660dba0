import { withTenant } from "@gemba/db/tenant-scope";
import { addDays, formatLocalDate, startOfLocalDay, utcToZoned } from "@gemba/domain/calendar/zoned-time";
import { QUEUES } from "@gemba/jobs/constants";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCalendarTestPlant, type TCalendarTestPlant } from "./testing/calendar-test-plant";

let t: TCalendarTestPlant;
let today: string;
const dayOffset = (days: number) => formatLocalDate(addDays(utcToZoned(Date.now(), "Europe/Berlin"), days));

const early = {
  name: "Early",
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 6 * 60,
  durationMinutes: 480,
  breaks: [
    { name: "Break", startOffsetMinutes: 150, durationMinutes: 15 },
    { name: "Lunch", startOffsetMinutes: 300, durationMinutes: 30 },
  ],
};

beforeAll(async () => {
  t = await createCalendarTestPlant("Cal");
  today = dayOffset(0);
});

afterAll(async () => {
  await t.close();
});

// Each test looks only at the refreshes its own changes asked for.
beforeEach(async () => {
  for (const id of [t.workCenterA, t.workCenterB, t.workCenterNew, t.otherWorkCenter]) await t.takeRefresh(id);
});

const auditActions = () =>
  withTenant(t.db.app.prisma, t.plant.tenantId, async (tx) =>
    (await tx.auditEntry.findMany({ orderBy: { id: "asc" }, select: { action: true, summary: true } })).map(
      (entry) => entry.action,
    ),
  );

describe("shift patterns", () => {
  let patternId: string;
  let earlyId: string;

  it("an admin adds a pattern and its shifts; every work center of the site is re-derived where it has a timeline", async () => {
    const admin = await t.callerFor("ADMIN");
    const validFrom = dayOffset(-20);
    const created = await admin.calendar.createPattern({ siteId: t.siteId, name: "Two shifts", validFrom });
    patternId = created.patternId;
    // The pattern took over 20 days ago: re-derived from where each timeline starts, up to now.
    expect(created.refresh?.workCenters).toBe(2);

    await t.takeRefresh(t.workCenterA);
    const before = Date.now();
    const shift = await admin.calendar.createShift({ patternId, shift: early });
    earlyId = shift.shiftId;
    const after = Date.now();

    const spanA = await t.takeRefresh(t.workCenterA);
    expect(spanA?.from).toBe(t.timelineStartA);
    expect(spanA?.to).toBeGreaterThanOrEqual(before);
    expect(spanA?.to).toBeLessThanOrEqual(after);
    expect((await t.takeRefresh(t.workCenterB))?.from).toBe(t.timelineStartB);
    // Never derived (nothing to redo) and another site's work center (its calendar did not change).
    expect(await t.takeRefresh(t.workCenterNew)).toBeNull();
    expect(await t.takeRefresh(t.otherWorkCenter)).toBeNull();
    const jobs = await t.platform.queues.get(QUEUES.execution).getJobs(["waiting", "delayed"]);
    expect(jobs.map((job) => job.data)).toContainEqual({ tenantId: t.plant.tenantId, workCenterId: t.workCenterA });

    const overview = await admin.calendar.overview({ siteId: t.siteId });
    expect(overview.site.workCenterCount).toBe(3);
    expect(overview.currentPatternId).toBe(patternId);
    expect(overview.patterns).toMatchObject([
      {
        id: patternId,
        validFrom,
        validUntil: null,
        status: "CURRENT",
        warnings: [],
        shifts: [
          {
            name: "Early",
            weekdays: [1, 2, 3, 4, 5],
            startMinute: 360,
            breaks: [{ name: "Break" }, { name: "Lunch" }],
          },
        ],
      },
    ]);
    expect(await auditActions()).toEqual(expect.arrayContaining(["shift_pattern.create", "shift.create"]));
  });

  it("refuses overlapping shifts, shift times off the quarter hour and breaks outside their shift, saying what to fix", async () => {
    const admin = await t.callerFor("ADMIN");
    await expect(
      admin.calendar.createShift({ patternId, shift: { ...early, name: "Late", startMinute: 13 * 60, breaks: [] } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('Overlaps "Early" (06:00–14:00) on Mon–Fri, 13:00–14:00.'),
    });
    await expect(
      admin.calendar.createShift({
        patternId,
        shift: { ...early, name: "Late", startMinute: 14 * 60 + 10, breaks: [] },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not on a quarter hour") });
    await expect(
      admin.calendar.createShift({
        patternId,
        shift: {
          ...early,
          name: "Late",
          startMinute: 14 * 60,
          breaks: [{ name: "Lunch", startOffsetMinutes: 470, durationMinutes: 30 }],
        },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("is outside the shift (14:00–22:00)"),
    });
    await expect(admin.calendar.createShift({ patternId, shift: { ...early, name: " early " } })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
      },
    );
    // Nothing was written or queued by the refused attempts.
    expect(await t.takeRefresh(t.workCenterA)).toBeNull();
    const overview = await admin.calendar.overview({ siteId: t.siteId });
    expect(overview.patterns[0]?.shifts.map((shift) => shift.name)).toEqual(["Early"]);
  });

  it("edits a shift and its breaks, and a night shift may run past midnight into the next day", async () => {
    const admin = await t.callerFor("ADMIN");
    await admin.calendar.updateShift({
      shiftId: earlyId,
      shift: {
        ...early,
        weekdays: [5, 1, 2, 3, 4, 1],
        breaks: [{ name: "Lunch", startOffsetMinutes: 300, durationMinutes: 30 }],
      },
    });
    await admin.calendar.createShift({
      patternId,
      shift: { name: "Night", weekdays: [7, 1, 2, 3, 4], startMinute: 22 * 60, durationMinutes: 480, breaks: [] },
    });
    const overview = await admin.calendar.overview({ siteId: t.siteId });
    expect(overview.patterns[0]?.shifts).toMatchObject([
      { name: "Early", weekdays: [1, 2, 3, 4, 5], breaks: [{ name: "Lunch", startOffsetMinutes: 300 }] },
      { name: "Night", weekdays: [1, 2, 3, 4, 7], startMinute: 1320, durationMinutes: 480 },
    ]);
    const audit = await withTenant(t.db.app.prisma, t.plant.tenantId, (tx) =>
      tx.auditEntry.findFirstOrThrow({ where: { action: "shift.update" }, select: { summary: true, actorId: true } }),
    );
    expect(audit.actorId).toBe(t.plant.users.ADMIN.userId);
    expect(audit.summary).toContain('Changed shift "Early" (Mon–Fri 06:00–14:00)');
  });

  it("a newer pattern supersedes the current one from its first day; future changes queue nothing", async () => {
    const admin = await t.callerFor("ADMIN");
    const nextMonth = dayOffset(30);
    const created = await admin.calendar.createPattern({
      siteId: t.siteId,
      name: "Winter",
      validFrom: nextMonth,
      copyFromPatternId: patternId,
    });
    expect(created.refresh).toBeNull();
    expect(await t.takeRefresh(t.workCenterA)).toBeNull();

    const overview = await admin.calendar.overview({ siteId: t.siteId });
    expect(overview.patterns.map((p) => [p.name, p.validUntil, p.status])).toEqual([
      ["Two shifts", nextMonth, "CURRENT"],
      ["Winter", null, "UPCOMING"],
    ]);
    expect(overview.patterns[1]?.shifts.map((shift) => shift.name)).toEqual(["Early", "Night"]);

    await expect(
      admin.calendar.createPattern({ siteId: t.siteId, name: "Clash", validFrom: nextMonth }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`already starts on ${nextMonth}`) });

    // Moving the new pattern to start today changes today: re-derived from local midnight up to now.
    const moved = await admin.calendar.updatePattern({
      patternId: created.patternId,
      name: "Winter",
      validFrom: today,
    });
    expect(moved.refresh?.workCenters).toBe(2);
    const span = await t.takeRefresh(t.workCenterA);
    const todayMidnight = startOfLocalDay(utcToZoned(Date.now(), "Europe/Berlin"), "Europe/Berlin").getTime();
    expect(span?.from).toBe(todayMidnight);
    expect(span?.to).toBeLessThanOrEqual(Date.now());

    await admin.calendar.deletePattern({ patternId: created.patternId });
    const after = await admin.calendar.overview({ siteId: t.siteId });
    expect(after.patterns.map((p) => p.name)).toEqual(["Two shifts"]);
    expect(await auditActions()).toEqual(expect.arrayContaining(["shift_pattern.update", "shift_pattern.delete"]));
  });

  it("keeps a site's only pattern, and refuses what is not this plant's", async () => {
    const admin = await t.callerFor("ADMIN");
    await expect(admin.calendar.deletePattern({ patternId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("is the only shift pattern"),
    });
    await expect(admin.calendar.deleteShift({ shiftId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(admin.calendar.overview({ siteId: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const manager = await t.callerFor("MANAGER");
    await expect(manager.calendar.overview({ siteId: t.siteId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("deletes a shift, audited, and re-derives the pattern's days", async () => {
    const admin = await t.callerFor("ADMIN");
    const result = await admin.calendar.deleteShift({ shiftId: earlyId });
    expect(result.refresh?.workCenters).toBe(2);
    const overview = await admin.calendar.overview({ siteId: t.siteId });
    expect(overview.patterns[0]?.shifts.map((shift) => shift.name)).toEqual(["Night"]);
    expect(await auditActions()).toContain("shift.delete");
  });
});
