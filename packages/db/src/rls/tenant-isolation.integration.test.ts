import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, type TenantFixture } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import {
  describeAppRole,
  findKeysWithoutTenant,
  findRlsGaps,
  findTablesLeakingOtherTenants,
  listTenantTables,
} from "./rls-coverage";

let db: TestDatabase;
let tenantA: TenantFixture;
let tenantB: TenantFixture;
let tenantTables: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA = await createTenantFixture(db, "Alpha");
  tenantB = await createTenantFixture(db, "Beta");
  tenantTables = await listTenantTables(db.owner.pool);
});

afterAll(async () => {
  await db.drop();
});

async function leaksSeenBy(tenantId: string) {
  const client = await db.app.pool.connect();
  try {
    return await findTablesLeakingOtherTenants(client, tenantId, tenantTables);
  } finally {
    client.release();
  }
}

describe("tenant isolation by row-level security", () => {
  it("covers every tenant table, and the fixture puts rows of both tenants in the important ones", async () => {
    expect(tenantTables).toEqual(
      expect.arrayContaining(["Site", "WorkCenter", "ProductionOrder", "Event", "AuditEntry"]),
    );
    const { rows } = await db.owner.pool.query<{ tenants: number }>(
      `SELECT count(DISTINCT "tenantId")::int AS tenants FROM "WorkCenter" WHERE "tenantId" = ANY($1)`,
      [[tenantA.tenantId, tenantB.tenantId]],
    );
    expect(rows[0]?.tenants).toBe(2);
  });

  it("(a) a query that forgets its tenant filter returns only the current tenant's rows, on every tenant table", async () => {
    expect(await leaksSeenBy(tenantA.tenantId)).toEqual([]);
    expect(await leaksSeenBy(tenantB.tenantId)).toEqual([]);
  });

  it("(b) every table with a tenantId column has RLS enabled, forced, and a tenant policy", async () => {
    expect(await findRlsGaps(db.owner.pool)).toEqual([]);
  });

  it("includes tenantId in every primary key and unique constraint of a tenant table", async () => {
    expect(await findKeysWithoutTenant(db.owner.pool)).toEqual([]);
    await db.owner.pool.query(`CREATE UNIQUE INDEX "Site_code_probe_key" ON "Site"("code")`);
    try {
      expect(await findKeysWithoutTenant(db.owner.pool)).toEqual(["Site_code_probe_key"]);
    } finally {
      await db.owner.pool.query(`DROP INDEX "Site_code_probe_key"`);
    }
  });

  it("connects the application as a role that is no superuser, cannot bypass RLS and owns no table", async () => {
    expect(await describeAppRole(db.owner.pool)).toEqual({ superuser: false, bypassrls: false, owns: 0 });
  });

  it("fails both checks when RLS is switched off — the tests above can fail", async () => {
    await db.owner.pool.query(`ALTER TABLE "Site" DISABLE ROW LEVEL SECURITY`);
    await db.owner.pool.query(`ALTER TABLE "Event" NO FORCE ROW LEVEL SECURITY`);
    try {
      expect(await findRlsGaps(db.owner.pool)).toEqual(
        expect.arrayContaining([
          { table: "Site", problem: "row-level security is not enabled" },
          { table: "Event", problem: "row-level security is not forced" },
        ]),
      );
      expect(await leaksSeenBy(tenantA.tenantId)).toEqual([{ table: "Site", foreignRows: expect.any(Number) }]);
    } finally {
      await db.owner.pool.query(`ALTER TABLE "Site" ENABLE ROW LEVEL SECURITY`);
      await db.owner.pool.query(`ALTER TABLE "Event" FORCE ROW LEVEL SECURITY`);
    }
    expect(await findRlsGaps(db.owner.pool)).toEqual([]);
  });

  it("keeps events and audit entries append-only for the application", async () => {
    const client = await db.app.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantA.tenantId]);
      await expect(client.query(`UPDATE "AuditEntry" SET summary = 'rewritten'`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    const again = await db.app.pool.connect();
    try {
      await again.query("BEGIN");
      await again.query("SELECT set_config('app.tenant_id', $1, true)", [tenantA.tenantId]);
      await expect(again.query(`DELETE FROM "Event"`)).rejects.toThrow(/permission denied/);
    } finally {
      await again.query("ROLLBACK");
      again.release();
    }
  });
});
