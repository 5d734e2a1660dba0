import { createUserSession } from "@gemba/auth/sessions";
import type { Prisma } from "@gemba/db/client";
import type { Role } from "@gemba/db/generated/prisma/enums";
import { seedReasonTree } from "@gemba/db/reasons/seed-reason-tree";
import { type Tx, withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import type { TestDatabase } from "@gemba/db/testing/test-database";
import { createCaller } from "../../../root";

export type TBucketRow = Partial<Omit<Prisma.WorkCenterBucketCreateManyInput, "tenantId" | "workCenterId">> & {
  bucketStart: Date;
};
export type TIntervalRow = Omit<Prisma.StateIntervalCreateManyInput, "tenantId" | "workCenterId">;

/** Hand-made execution data for exact numbers: a tenant fixture whose site is in `timeZone`, with the default reasons. */
export type TExecutionTestPlant = {
  fixture: TenantFixture;
  tenantId: string;
  caller: (role?: Role) => Promise<ReturnType<typeof createCaller>>;
  inTenant: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  addWorkCenter: (code: string, lineId?: string) => Promise<string>;
  addLine: (code: string) => Promise<string>;
  insertBuckets: (workCenterId: string, rows: readonly TBucketRow[]) => Promise<void>;
  insertIntervals: (workCenterId: string, rows: readonly TIntervalRow[]) => Promise<void>;
  addShift: (shift: {
    name: string;
    startMinute: number;
    durationMinutes: number;
    weekdays?: number[];
  }) => Promise<void>;
};

const ZERO_BUCKET = {
  plannedMs: 0,
  runMs: 0,
  equipmentFailureMs: 0,
  setupAdjustmentMs: 0,
  minorStopsMs: 0,
  reducedSpeedRawMs: 0,
  processDefectsMs: 0,
  startupRejectsMs: 0,
  unknownMs: 0,
  unscheduledRunMs: 0,
  totalCount: 0,
  goodCount: 0,
  unscheduledCount: 0,
  idealMs: 0,
  countWithoutIdealCycle: 0,
};

export async function createExecutionTestPlant(
  db: TestDatabase,
  label: string,
  timeZone: string,
): Promise<TExecutionTestPlant> {
  const fixture = await createTenantFixture(db, label);
  const { tenantId } = fixture;
  const inTenant = <T>(work: (tx: Tx) => Promise<T>) => withTenant(db.app.prisma, tenantId, work);
  await inTenant(async (tx) => {
    await tx.site.update({ where: { tenantId_id: { tenantId, id: fixture.siteId } }, data: { timeZone } });
    await seedReasonTree(tx, tenantId);
  });
  let patternId: string | null = null;

  return {
    fixture,
    tenantId,
    inTenant,
    caller: async (role = "MANAGER") => {
      const userId = fixture.users[role].userId;
      const sessionId = await createUserSession(db.app.prisma, { userId });
      return createCaller({
        db: db.app.prisma,
        session: { sessionId, userId, activeTenantId: tenantId },
        requestId: `execution-test-${label}`,
      });
    },
    addLine: (code) =>
      inTenant(async (tx) => {
        const line = await tx.line.create({
          data: { tenantId, areaId: fixture.areaId, code: `${code}-${tenantId.slice(0, 6)}`, name: code },
          select: { id: true },
        });
        return line.id;
      }),
    addWorkCenter: (code, lineId = fixture.lineId) =>
      inTenant(async (tx) => {
        const workCenter = await tx.workCenter.create({
          data: { tenantId, lineId, code: `${code}-${tenantId.slice(0, 6)}`, name: code, sequence: 1 },
          select: { id: true },
        });
        return workCenter.id;
      }),
    insertBuckets: async (workCenterId, rows) => {
      await inTenant((tx) =>
        tx.workCenterBucket.createMany({
          data: rows.map((row) => ({ ...ZERO_BUCKET, ...row, tenantId, workCenterId })),
        }),
      );
    },
    insertIntervals: async (workCenterId, rows) => {
      await inTenant((tx) =>
        tx.stateInterval.createMany({ data: rows.map((row) => ({ ...row, tenantId, workCenterId })) }),
      );
    },
    addShift: async ({ name, startMinute, durationMinutes, weekdays = [1, 2, 3, 4, 5, 6, 7] }) => {
      await inTenant(async (tx) => {
        if (!patternId) {
          const pattern = await tx.shiftPattern.create({
            data: { tenantId, siteId: fixture.siteId, name: "Test pattern", validFrom: new Date("2020-01-01") },
            select: { id: true },
          });
          patternId = pattern.id;
        }
        await tx.shift.create({ data: { tenantId, patternId, name, weekdays, startMinute, durationMinutes } });
      });
    },
  };
}

export const MINUTE = 60_000;
export const QUARTER = 15 * MINUTE;

/** Consecutive 15-minute bucket starts from `first`. */
export function quarterHours(first: Date | string, count: number): Date[] {
  const start = new Date(first).getTime();
  return Array.from({ length: count }, (_, index) => new Date(start + index * QUARTER));
}
