import { createUserSession } from "@gemba/auth/sessions";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { takeDirtySpan } from "@gemba/jobs/execution-refresh";
import { createCaller } from "../../../root";
import { createTestPlatform, type TestPlatform } from "../../../testing/test-platform";

const HOUR = 3_600_000;

/**
 * A plant for the calendar tests: the fixture's site (Europe/Berlin) with two work centers whose
 * timelines reach back 10 and 2 days, and a second site with one work center, to prove a change
 * re-derives exactly the work centers of its own site.
 */
export type TCalendarTestPlant = {
  db: TestDatabase;
  plant: TenantFixture;
  platform: TestPlatform;
  siteId: string;
  timeZone: string;
  /** Timeline since 10 days ago. */
  workCenterA: string;
  /** Timeline since 2 days ago. */
  workCenterB: string;
  /** Never derived: nothing to refresh. */
  workCenterNew: string;
  otherSiteId: string;
  otherWorkCenter: string;
  timelineStartA: number;
  timelineStartB: number;
  callerFor: (role: "ADMIN" | "MANAGER" | "OPERATOR") => Promise<ReturnType<typeof createCaller>>;
  /** The span queued for re-derivation of a work center since the last call (taken out of Redis). */
  takeRefresh: (workCenterId: string) => Promise<{ from: number; to: number } | null>;
  close: () => Promise<void>;
};

export async function createCalendarTestPlant(label: string): Promise<TCalendarTestPlant> {
  const db = await createTestDatabase();
  const plant = await createTenantFixture(db, label);
  const platform = createTestPlatform();
  const now = Date.now();
  const timelineStartA = now - 240 * HOUR;
  const timelineStartB = now - 48 * HOUR;
  const ids = await withTenant(db.app.prisma, plant.tenantId, async (tx) => {
    const tenantId = plant.tenantId;
    const workCenterB = await tx.workCenter.create({
      data: { tenantId, lineId: plant.lineId, code: `${label}-B`, name: "Press 2", sequence: 2 },
      select: { id: true },
    });
    const workCenterNew = await tx.workCenter.create({
      data: { tenantId, lineId: plant.lineId, code: `${label}-N`, name: "New press", sequence: 3 },
      select: { id: true },
    });
    const otherSite = await tx.site.create({
      data: { tenantId, code: `${label}-S2`, name: "Other site", timeZone: "America/Chicago" },
      select: { id: true },
    });
    const area = await tx.area.create({
      data: { tenantId, siteId: otherSite.id, code: `${label}-A2`, name: "Area" },
      select: { id: true },
    });
    const line = await tx.line.create({
      data: { tenantId, areaId: area.id, code: `${label}-L2`, name: "Line" },
      select: { id: true },
    });
    const otherWorkCenter = await tx.workCenter.create({
      data: { tenantId, lineId: line.id, code: `${label}-O`, name: "Lathe", sequence: 1 },
      select: { id: true },
    });
    const interval = (workCenterId: string, start: number) => ({
      tenantId,
      workCenterId,
      start: new Date(start),
      end: new Date(now - HOUR),
      state: "RUNNING" as const,
      scheduled: true,
    });
    await tx.stateInterval.createMany({
      data: [
        interval(plant.workCenterId, timelineStartA),
        interval(workCenterB.id, timelineStartB),
        interval(otherWorkCenter.id, timelineStartA),
      ],
    });
    return {
      workCenterB: workCenterB.id,
      workCenterNew: workCenterNew.id,
      otherSiteId: otherSite.id,
      otherWorkCenter: otherWorkCenter.id,
    };
  });

  return {
    db,
    plant,
    platform,
    siteId: plant.siteId,
    timeZone: "Europe/Berlin",
    workCenterA: plant.workCenterId,
    ...ids,
    timelineStartA,
    timelineStartB,
    callerFor: async (role) => {
      const userId = plant.users[role].userId;
      const sessionId = await createUserSession(db.app.prisma, { userId });
      return createCaller({
        db: db.app.prisma,
        session: { sessionId, userId, activeTenantId: plant.tenantId },
        requestId: "calendar-test",
        platform,
      });
    },
    takeRefresh: (workCenterId) => takeDirtySpan(platform.redis, workCenterId),
    close: async () => {
      for (const id of [plant.workCenterId, ids.workCenterB, ids.workCenterNew, ids.otherWorkCenter]) {
        await takeDirtySpan(platform.redis, id);
      }
      await platform.close();
      await db.drop();
    },
  };
}
