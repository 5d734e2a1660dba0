import { findChainBreak } from "@gemba/domain/audit/hash-chain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../tenant-scope";
import { createTenantFixture, type TenantFixture } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { recordAudit } from "./record-audit";
import { verifyAuditChain } from "./verify-audit-chain";

let db: TestDatabase;
let plant: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Chain");
  other = await createTenantFixture(db, "Other");
});

afterAll(async () => {
  await db.drop();
});

const audit = (tenantId: string, summary: string) =>
  withTenant(db.app.prisma, tenantId, (tx) =>
    recordAudit(tx, {
      tenantId,
      actorId: null,
      action: "test.change",
      entityType: "Test",
      entityId: "1",
      summary,
      after: { summary, nested: { b: 2, a: [1, "x"] } },
    }),
  );

const verify = (tenantId: string) => withTenant(db.app.prisma, tenantId, (tx) => verifyAuditChain(tx));

const chainOf = async (tenantId: string) =>
  (
    await db.owner.pool.query<{ id: string; seq: string; prevHash: Buffer | null; hash: Buffer }>(
      `SELECT id::text, seq::text, "prevHash", hash FROM "AuditEntry" WHERE "tenantId" = $1 ORDER BY "AuditEntry".seq`,
      [tenantId],
    )
  ).rows;

/** The chain as stored, verified outside the database by the domain's own implementation. */
const verifyOutsideDatabase = async (tenantId: string) => {
  const { rows } = await db.owner.pool.query<{ seq: string; content: Buffer; prevHash: Buffer | null; hash: Buffer }>(
    `SELECT e.seq::text, gemba_audit_content(e) AS content, e."prevHash", e.hash
       FROM "AuditEntry" e WHERE e."tenantId" = $1`,
    [tenantId],
  );
  return findChainBreak(rows.map((row) => ({ ...row, seq: BigInt(row.seq) })));
};

/** As the owner with triggers off: what someone with database access (not Gemba) could do. */
async function tamper(sql: string, params: unknown[]) {
  const client = await db.owner.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql, params);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

describe("the audit chain", () => {
  it("links every entry of a tenant to the one before it, numbered without gaps, even when written concurrently", async () => {
    await Promise.all(Array.from({ length: 12 }, (_, index) => audit(plant.tenantId, `change ${index}`)));
    await audit(other.tenantId, "elsewhere");
    const chain = await chainOf(plant.tenantId);
    expect(chain.map((entry) => Number(entry.seq))).toEqual(chain.map((_, index) => index + 1));
    expect(chain[0]?.prevHash).toBeNull();
    for (let index = 1; index < chain.length; index += 1) {
      expect(chain[index]?.prevHash?.equals(chain[index - 1]?.hash ?? Buffer.alloc(0))).toBe(true);
    }
    // Each tenant has its own chain.
    expect((await chainOf(other.tenantId)).map((entry) => entry.seq)).toEqual(["1", "2"]);
    expect(await verify(plant.tenantId)).toMatchObject({ entries: chain.length, firstBroken: null });
    // The trigger's hashes are exactly SHA-256(previous hash ‖ content): checkable without trusting Postgres.
    expect(await verifyOutsideDatabase(plant.tenantId)).toBeNull();
  });

  it("has no update or delete path, not even for the owner of the tables", async () => {
    const [first] = await chainOf(plant.tenantId);
    for (const sql of [
      `UPDATE "AuditEntry" SET summary = 'rewritten' WHERE id = $1`,
      `DELETE FROM "AuditEntry" WHERE id = $1`,
    ]) {
      await expect(db.owner.pool.query(sql, [first?.id])).rejects.toThrow(/append-only/);
    }
    await expect(db.owner.pool.query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
  });

  it("points at the first entry whose content was changed behind Gemba's back", async () => {
    const chain = await chainOf(plant.tenantId);
    const victim = chain[4];
    await tamper(`UPDATE "AuditEntry" SET summary = 'nothing happened' WHERE id = $1`, [victim?.id]);
    expect((await verify(plant.tenantId)).firstBroken).toMatchObject({
      seq: victim?.seq,
      problem: "its content was changed after it was written",
      summary: "nothing happened",
    });
    expect(await verifyOutsideDatabase(plant.tenantId)).toEqual({
      seq: BigInt(victim?.seq ?? 0),
      problem: "its content was changed after it was written",
    });
    // The other tenant's chain is not affected.
    expect((await verify(other.tenantId)).firstBroken).toBeNull();
  });

  it("points at the entry after one that was removed", async () => {
    const other2 = await createTenantFixture(db, "Removed");
    for (const summary of ["a", "b", "c"]) await audit(other2.tenantId, summary);
    const chain = await chainOf(other2.tenantId);
    await tamper(`DELETE FROM "AuditEntry" WHERE id = $1`, [chain[1]?.id]);
    expect((await verify(other2.tenantId)).firstBroken).toMatchObject({
      seq: chain[2]?.seq,
      problem: "entries before this one are missing",
    });
  });

  it("points at an entry whose rewritten hash no longer links to its predecessor", async () => {
    const forged = await createTenantFixture(db, "Forged");
    for (const summary of ["a", "b", "c"]) await audit(forged.tenantId, summary);
    const chain = await chainOf(forged.tenantId);
    // Rewrite entry 2 and re-hash it consistently: entry 3 still names the old hash.
    await tamper(`UPDATE "AuditEntry" SET summary = 'forged' WHERE id = $1`, [chain[1]?.id]);
    await tamper(`UPDATE "AuditEntry" e SET hash = gemba_audit_hash(e) WHERE id = $1`, [chain[1]?.id]);
    expect((await verify(forged.tenantId)).firstBroken).toMatchObject({
      seq: chain[2]?.seq,
      problem: "its link does not match the entry before it",
    });
    expect(await verifyOutsideDatabase(forged.tenantId)).toEqual({
      seq: BigInt(chain[2]?.seq ?? 0),
      problem: "its link does not match the entry before it",
    });
  });

  it("goes with its tenant when the tenant is deleted", async () => {
    const leaving = await createTenantFixture(db, "Leaving");
    await audit(leaving.tenantId, "bye");
    await db.owner.pool.query(`DELETE FROM "Tenant" WHERE id = $1`, [leaving.tenantId]);
    expect(await chainOf(leaving.tenantId)).toEqual([]);
  });
});
