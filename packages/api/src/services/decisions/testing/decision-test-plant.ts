import { createUserSession } from "@gemba/auth/sessions";
import { insertEvents } from "@gemba/db/events/insert-events";
import { refreshWorkCenter } from "@gemba/db/execution/refresh-work-center";
import { seedReasonTree } from "@gemba/db/reasons/seed-reason-tree";
import { withTenant, withTenantClient } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import type { TestDatabase } from "@gemba/db/testing/test-database";
import { createCaller } from "../../../root";
import type { TestPlatform } from "../../../testing/test-platform";

const MIN = 60_000;

export type TDecisionTestPlant = TenantFixture & {
  /** PRS-7: ran for 40 minutes, then went down 20 minutes ago without a reason (still down). */
  pressId: string;
  stopStart: Date;
  /** An order in progress on PRS-7 since 50 minutes ago. */
  runningOrderId: string;
  now: number;
};

/**
 * A plant whose press stopped 20 minutes ago: the situation decisions are logged from. Times are
 * relative to the real clock, because procedures read it (a snapshot is "what is happening now").
 */
export async function createDecisionTestPlant(db: TestDatabase, label: string): Promise<TDecisionTestPlant> {
  const plant = await createTenantFixture(db, label);
  const now = Date.now();
  const stopStart = new Date(now - 20 * MIN);
  const { pressId, runningOrderId } = await withTenant(db.app.prisma, plant.tenantId, async (tx) => {
    await seedReasonTree(tx, plant.tenantId);
    const press = await tx.workCenter.create({
      data: { tenantId: plant.tenantId, lineId: plant.lineId, code: `PRS-7-${label}`, name: "Press 7", sequence: 7 },
      select: { id: true },
    });
    const order = await tx.productionOrder.create({
      data: {
        tenantId: plant.tenantId,
        externalId: `RUN-${label}-${now}`,
        productId: plant.productId,
        workCenterId: press.id,
        quantity: 400,
        status: "IN_PROGRESS",
        startedAt: new Date(now - 50 * MIN),
        dueAt: new Date(now + 4 * 60 * MIN),
      },
      select: { id: true },
    });
    return { pressId: press.id, runningOrderId: order.id };
  });
  const event = (minutesAgo: number, kind: string, payload: Record<string, unknown>, key: string) => ({
    workCenterId: pressId,
    kind,
    eventTime: new Date(now - minutesAgo * MIN),
    sourceId: "plc",
    dedupeKey: key,
    payload,
  });
  await withTenantClient(db.app.pool, plant.tenantId, (client) =>
    insertEvents(client, plant.tenantId, [
      event(60, "machine.state", { state: "RUNNING" }, "s1"),
      event(40, "production.count", { total: 10, good: 9 }, "c1"),
      event(25, "production.count", { total: 12, good: 12 }, "c2"),
      event(20, "machine.state", { state: "DOWN" }, "s2"),
      event(10, "operator.activity", { type: "ISSUE_RAISED", note: "hydraulic oil on the floor" }, "o1"),
    ]),
  );
  await refreshWorkCenter(db.app.pool, {
    tenantId: plant.tenantId,
    workCenterId: pressId,
    changedFrom: now - 60 * MIN,
    changedTo: now,
    now,
  });
  return { ...plant, pressId, stopStart, runningOrderId, now };
}

export async function callerFor(
  db: TestDatabase,
  platform: TestPlatform,
  plant: TenantFixture,
  role: "OPERATOR" | "MANAGER" | "ADMIN",
) {
  const userId = plant.users[role].userId;
  const sessionId = await createUserSession(db.app.prisma, { userId });
  return createCaller({
    db: db.app.prisma,
    session: { sessionId, userId, activeTenantId: plant.tenantId },
    requestId: "decisions-test",
    platform,
  });
}

export type TCaller = Awaited<ReturnType<typeof callerFor>>;
