import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertEvents } from "../events/insert-events";
import { withScope, withTenant, withTenantClient } from "../tenant-scope";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { DEMO_USERS } from "./demo-plant";
import { type SeedDemoResult, seedDemo } from "./seed-demo";

// A Thursday afternoon in Chicago, so two days of history hold four working shifts.
const NOW = new Date("2026-11-19T21:20:00Z");

let db: TestDatabase;
let first: SeedDemoResult;
let demoId: string;
let northfieldId: string;

const hashPassword = async (plain: string) => `test:${plain}`;

beforeAll(async () => {
  db = await createTestDatabase();
  first = await seedDemo({ owner: db.owner, app: db.app, hashPassword, now: NOW, historyDays: 2 });
  demoId = first.tenants.find((t) => t.slug === "demo")?.tenantId ?? "";
  northfieldId = first.tenants.find((t) => t.slug === "northfield")?.tenantId ?? "";
});

afterAll(async () => {
  await db.drop();
});

const countEvents = async (tenantId: string) => withTenant(db.app.prisma, tenantId, (tx) => tx.event.count());

describe("seedDemo", () => {
  it("creates the demo plant and a second tenant", async () => {
    expect(first.created).toBe(true);
    expect(first.tenants.map((t) => [t.slug, t.created, t.complete])).toEqual([
      ["demo", true, true],
      ["northfield", true, true],
    ]);
    const counts = await withTenant(db.app.prisma, demoId, async (tx) => ({
      sites: await tx.site.findMany({ select: { code: true, timeZone: true } }),
      lines: await tx.line.count(),
      workCenters: await tx.workCenter.count(),
      products: await tx.product.count(),
      shifts: await tx.shift.findMany({ select: { name: true, breaks: { select: { durationMinutes: true } } } }),
      noShift: await tx.noShiftPeriod.count(),
      audit: await tx.auditEntry.findMany({ select: { action: true, summary: true } }),
    }));
    expect(counts.sites).toEqual([{ code: "RIV", timeZone: "America/Chicago" }]);
    expect(counts.lines).toBe(3);
    expect(counts.workCenters).toBe(12);
    expect(counts.products).toBe(8);
    expect(counts.shifts.map((s) => s.name).sort()).toEqual(["Early", "Late"]);
    expect(counts.shifts[0]?.breaks.map((b) => b.durationMinutes).sort()).toEqual([15, 30]);
    expect(counts.noShift).toBe(1);
    expect(counts.audit).toHaveLength(1);
    expect(counts.audit[0]?.action).toBe("tenant.seed");
    expect(counts.audit[0]?.summary).toContain("12 work centers");
  });

  it("creates orders in every status, consistent with the simulated history", async () => {
    const orders = await withTenant(db.app.prisma, demoId, (tx) =>
      tx.productionOrder.findMany({
        select: { externalId: true, status: true, startedAt: true, completedAt: true, dueAt: true, workCenterId: true },
      }),
    );
    const statuses = new Set(orders.map((order) => order.status));
    expect([...statuses].sort()).toEqual(["CANCELLED", "COMPLETED", "IN_PROGRESS", "PLANNED", "RELEASED"]);
    expect(orders.every((order) => /^\d{7}$/.test(order.externalId) && order.workCenterId !== null)).toBe(true);
    for (const order of orders) {
      if (order.status === "COMPLETED") expect(order.completedAt?.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (order.status === "IN_PROGRESS") expect(order.completedAt).toBeNull();
      if (order.status === "RELEASED") expect(order.dueAt.getTime()).toBeGreaterThan(NOW.getTime());
    }
    // A work center runs one order at a time (none while changing over to the next).
    const running = orders.filter((o) => o.status === "IN_PROGRESS").map((o) => o.workCenterId);
    expect(running.length).toBeGreaterThan(6);
    expect(new Set(running).size).toBe(running.length);
    const started = await withTenant(db.app.prisma, demoId, (tx) =>
      tx.event.count({ where: { kind: "order.lifecycle", payload: { path: ["transition"], equals: "STARTED" } } }),
    );
    expect(started).toBe(orders.filter((o) => o.startedAt !== null).length);
  });

  it("stores simulated events that all belong to the tenant's work centers", async () => {
    expect(first.tenants[0]?.eventCount).toBeGreaterThan(1000);
    expect(await countEvents(demoId)).toBe(first.tenants[0]?.eventCount);
    expect(await countEvents(northfieldId)).toBe(first.tenants[1]?.eventCount);
    expect(first.eventCount).toBe((first.tenants[0]?.eventCount ?? 0) + (first.tenants[1]?.eventCount ?? 0));
    // Checked as the owner, across tenants: no event points at another tenant's work center.
    const { rows } = await db.owner.pool.query<{ orphans: string; kinds: string[] }>(`
      SELECT count(*) FILTER (WHERE w.id IS NULL OR w."tenantId" <> e."tenantId") AS orphans,
             array_agg(DISTINCT e.kind ORDER BY e.kind) AS kinds
      FROM "Event" e LEFT JOIN "WorkCenter" w ON w.id = e."workCenterId"`);
    expect(Number(rows[0]?.orphans)).toBe(0);
    expect(rows[0]?.kinds).toEqual([
      "machine.state",
      "order.lifecycle",
      "production.count",
      "production.scrap",
      "telemetry",
    ]);
    const range = await withTenant(db.app.prisma, demoId, (tx) =>
      tx.event.aggregate({ _min: { eventTime: true }, _max: { eventTime: true } }),
    );
    expect(range._min.eventTime?.toISOString()).toBe("2026-11-17T06:00:00.000Z"); // Tuesday 00:00 CST
    expect(range._max.eventTime?.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it("creates the demo users with memberships; the admin belongs to both tenants", async () => {
    const admin = await db.app.prisma.user.findUnique({
      where: { email: DEMO_USERS.admin.email },
      select: { id: true, passwordHash: true },
    });
    expect(admin?.passwordHash).toBe("test:gemba-demo");
    const memberships = await withScope(db.app.prisma, { tenantId: null, userId: admin?.id ?? null }, (tx) =>
      tx.membership.findMany({ select: { tenantId: true, role: true } }),
    );
    expect(memberships.map((m) => [m.tenantId, m.role]).sort()).toEqual(
      [
        [demoId, "ADMIN"],
        [northfieldId, "ADMIN"],
      ].sort(),
    );
    const demoRoles = await withTenant(db.app.prisma, demoId, (tx) =>
      tx.membership.findMany({ select: { role: true, user: { select: { email: true } } } }),
    );
    expect(demoRoles.map((m) => `${m.user.email}:${m.role}`).sort()).toEqual([
      "admin@demo.gemba.app:ADMIN",
      "manager@demo.gemba.app:MANAGER",
      "operator@demo.gemba.app:OPERATOR",
    ]);
    const northfield = await withTenant(db.app.prisma, northfieldId, (tx) =>
      tx.site.findFirst({ select: { timeZone: true } }),
    );
    expect(northfield?.timeZone).toBe("Europe/Berlin");
    expect(await withTenant(db.app.prisma, northfieldId, (tx) => tx.workCenter.count())).toBe(3);
  });

  it("does nothing when run again", async () => {
    const before = await countEvents(demoId);
    const again = await seedDemo({ owner: db.owner, app: db.app, hashPassword, now: NOW, historyDays: 2 });
    expect(again.created).toBe(false);
    expect(again.eventCount).toBe(0);
    expect(again.tenants.every((t) => !t.created && t.complete)).toBe(true);
    expect(await countEvents(demoId)).toBe(before);
    expect(await db.owner.prisma.tenant.count()).toBe(2);
    expect(await db.app.prisma.user.count()).toBe(3);
  });
});

describe("insertEvents", () => {
  it("skips events already stored and duplicates within a batch", async () => {
    const stored = await withTenant(db.app.prisma, demoId, (tx) =>
      tx.event.findMany({
        take: 250,
        orderBy: { eventTime: "asc" },
        select: { workCenterId: true, kind: true, eventTime: true, sourceId: true, dedupeKey: true, payload: true },
      }),
    );
    const before = await countEvents(demoId);
    const replayed = await withTenantClient(db.app.pool, demoId, (client) =>
      insertEvents(client, demoId, stored, { batchSize: 100 }),
    );
    expect(replayed).toBe(0);

    const fresh = {
      workCenterId: stored[0]?.workCenterId ?? null,
      kind: "telemetry",
      eventTime: NOW,
      sourceId: "integration-test",
      dedupeKey: "probe-1",
      payload: { tag: "probe", value: 1 },
    };
    const inserted = await withTenantClient(db.app.pool, demoId, (client) =>
      insertEvents(client, demoId, [fresh, { ...fresh, payload: { tag: "probe", value: 2 } }, ...stored.slice(0, 5)]),
    );
    expect(inserted).toBe(1);
    expect(await countEvents(demoId)).toBe(before + 1);
  });

  it("cannot write events into another tenant", async () => {
    const event = {
      workCenterId: null,
      kind: "order.lifecycle",
      eventTime: NOW,
      sourceId: "integration-test",
      dedupeKey: "cross-tenant",
      payload: { orderExternalId: "1", transition: "RELEASED" },
    };
    await expect(
      withTenantClient(db.app.pool, demoId, (client) => insertEvents(client, northfieldId, [event])),
    ).rejects.toThrow(/row-level security/);
  });
});
