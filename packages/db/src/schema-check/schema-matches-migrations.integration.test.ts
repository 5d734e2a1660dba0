import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { readActualShape } from "./actual-shape";
import { readExpectedShape } from "./expected-shape";
import { diffShapes, type SchemaShape } from "./schema-shape";

let db: TestDatabase;
let expected: SchemaShape;

beforeAll(async () => {
  // A database built only from prisma/migrations (copied from the migrated template).
  db = await createTestDatabase();
  expected = await readExpectedShape();
});

afterAll(async () => {
  await db.drop();
});

describe("migrations produce exactly schema.prisma", () => {
  it("has the same enums, tables, columns, types, nullability, indexes, uniques and foreign keys", async () => {
    const actual = await readActualShape(db.owner.pool);
    expect(diffShapes(expected, actual)).toEqual([]);
    // Guard against a vacuous pass: the expected side really describes the model.
    expect(expected.columns.size).toBeGreaterThan(100);
    expect(expected.indexes.size).toBeGreaterThan(30);
    expect(expected.foreignKeys.size).toBeGreaterThan(20);
  });

  it("notices drift: a changed type, a dropped index and a missing NOT NULL all show up", async () => {
    await db.owner.pool.query(`
      ALTER TABLE "Product" ALTER COLUMN "idealCycleTimeSeconds" TYPE numeric;
      DROP INDEX "Event_tenantId_eventTime_idx";
      ALTER TABLE "Site" ALTER COLUMN "timeZone" DROP NOT NULL;
    `);
    const differences = diffShapes(expected, await readActualShape(db.owner.pool));
    expect(differences).toHaveLength(3);
    expect(differences.join("\n")).toMatch(/Product\.idealCycleTimeSeconds/);
    expect(differences.join("\n")).toMatch(/Event_tenantId_eventTime_idx/);
    expect(differences.join("\n")).toMatch(/Site\.timeZone/);
  });
});
