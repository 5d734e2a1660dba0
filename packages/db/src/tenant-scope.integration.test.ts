import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "./client";
import { withScope, withTenant, withTenantClient } from "./tenant-scope";
import { createTenantFixture, type TenantFixture } from "./testing/fixtures";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let db: TestDatabase;
let tenantA: TenantFixture;
let tenantB: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA = await createTenantFixture(db, "Alpha");
  tenantB = await createTenantFixture(db, "Beta");
});

afterAll(async () => {
  await db.drop();
});

describe("tenant scope", () => {
  it("returns only the current tenant's rows from a query that forgets its tenant filter", async () => {
    const sites = await withTenant(db.app.prisma, tenantA.tenantId, (tx) =>
      tx.site.findMany({ select: { tenantId: true } }),
    );
    expect(sites.length).toBeGreaterThan(0);
    expect(new Set(sites.map((site) => site.tenantId))).toEqual(new Set([tenantA.tenantId]));
  });

  it("shows nothing when no tenant is set", async () => {
    const sites = await db.app.prisma.site.findMany();
    expect(sites).toEqual([]);
  });

  it("refuses to write a row into another tenant", async () => {
    await expect(
      withTenant(db.app.prisma, tenantA.tenantId, (tx) =>
        tx.area.create({ data: { tenantId: tenantB.tenantId, siteId: tenantB.siteId, code: "X", name: "Intruder" } }),
      ),
    ).rejects.toThrow();
  });

  it("never lets a pooled connection carry the previous tenant's setting", async () => {
    // A pool of one connection: every checkout below reuses the same server session.
    const single = createDatabase({ connectionString: db.appUrl, applicationName: "single", maxConnections: 1 });
    try {
      const backendOf = async () =>
        (await single.pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
      const pid = await backendOf();
      const seenByA = await withTenant(single.prisma, tenantA.tenantId, (tx) =>
        tx.site.findMany({ select: { tenantId: true } }),
      );
      expect(seenByA.map((row) => row.tenantId)).toEqual([tenantA.tenantId]);

      const { rows } = await single.pool.query<{ tenant: string | null }>(
        "SELECT current_setting('app.tenant_id', true) AS tenant",
      );
      expect(rows[0]?.tenant ?? "").toBe("");
      expect(await single.prisma.site.count()).toBe(0);

      const seenByB = await withTenantClient(single.pool, tenantB.tenantId, async (client) => {
        const result = await client.query<{ tenantId: string }>('SELECT "tenantId" FROM "Site"');
        return result.rows.map((row) => row.tenantId);
      });
      expect(seenByB).toEqual([tenantB.tenantId]);
      expect(await backendOf()).toBe(pid);
    } finally {
      await single.close();
    }
  });

  it("shows a user's memberships in other tenants only when no tenant is set", async () => {
    const userId = tenantA.users.ADMIN.userId;
    await withTenant(db.app.prisma, tenantB.tenantId, (tx) =>
      tx.membership.create({ data: { tenantId: tenantB.tenantId, userId, role: "OPERATOR" } }),
    );
    try {
      const insideA = await withScope(db.app.prisma, { tenantId: tenantA.tenantId, userId }, (tx) =>
        tx.membership.findMany({ select: { tenantId: true } }),
      );
      expect(new Set(insideA.map((m) => m.tenantId))).toEqual(new Set([tenantA.tenantId]));
      const tenantsInsideA = await withScope(db.app.prisma, { tenantId: tenantA.tenantId, userId }, (tx) =>
        tx.tenant.findMany({ select: { id: true } }),
      );
      expect(tenantsInsideA).toEqual([{ id: tenantA.tenantId }]);
      const switcher = await withScope(db.app.prisma, { tenantId: null, userId }, (tx) =>
        tx.tenant.findMany({ select: { id: true } }),
      );
      expect(new Set(switcher.map((t) => t.id))).toEqual(new Set([tenantA.tenantId, tenantB.tenantId]));
    } finally {
      await withTenant(db.app.prisma, tenantB.tenantId, (tx) => tx.membership.deleteMany({ where: { userId } }));
    }
  });

  it("lets a user list their memberships in every tenant but nobody else's", async () => {
    const memberships = await withScope(db.app.prisma, { tenantId: null, userId: tenantA.users.ADMIN.userId }, (tx) =>
      tx.membership.findMany({ select: { tenantId: true, userId: true } }),
    );
    expect(memberships).toEqual([{ tenantId: tenantA.tenantId, userId: tenantA.users.ADMIN.userId }]);
  });

  it("would show another tenant's rows on a reused connection if RLS were off — the check above can fail", async () => {
    const single = createDatabase({ connectionString: db.appUrl, applicationName: "single", maxConnections: 1 });
    await db.owner.pool.query(`ALTER TABLE "Site" DISABLE ROW LEVEL SECURITY`);
    try {
      await withTenant(single.prisma, tenantA.tenantId, (tx) => tx.site.count());
      expect(await single.prisma.site.count()).toBeGreaterThanOrEqual(2);
    } finally {
      await db.owner.pool.query(`ALTER TABLE "Site" ENABLE ROW LEVEL SECURITY`);
      await single.close();
    }
  });
});
