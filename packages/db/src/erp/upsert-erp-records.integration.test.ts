import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tx, withTenant } from "../tenant-scope";
import { createTenantFixture, type TenantFixture } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { type TErpOrderRecord, workCenterMapFrom } from "./erp-records";
import { type TUpsertErpInput, upsertErpRecords } from "./upsert-erp-records";

let db: TestDatabase;
let tenant: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db, "Erp");
  other = await createTenantFixture(db, "Other");
});

afterAll(async () => {
  await db.drop();
});

const inTenant = <T>(work: (tx: Tx) => Promise<T>) => withTenant(db.app.prisma, tenant.tenantId, work);
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 6));

function order(n: number, overrides: Partial<TErpOrderRecord> = {}): TErpOrderRecord {
  return {
    externalId: `40000${n}`,
    sku: n % 2 === 0 ? "FG-100" : "FG-200",
    quantity: 100 * n,
    status: "RELEASED",
    plannedStart: day(n),
    dueAt: day(n + 2),
    releasedAt: day(n - 1),
    startedAt: null,
    completedAt: null,
    erpWorkCenter: "PRESS01",
    lastChangedAt: day(n - 1),
    ...overrides,
  };
}

function input(orders: TErpOrderRecord[]): TUpsertErpInput {
  return {
    sourceId: "erp-test",
    products: [
      { sku: "FG-100", name: "Bracket left" },
      { sku: "FG-200", name: "Bracket right", idealCycleTimeSeconds: 14 },
    ],
    orders,
    workCenterMap: workCenterMapFrom([{ erpWorkCenter: "press01", workCenterId: tenant.workCenterId }]),
    defaultIdealCycleTimeSeconds: 30,
  };
}

const snapshot = () =>
  inTenant((tx) =>
    tx.productionOrder.findMany({
      where: { externalId: { startsWith: "40000" } },
      select: { externalId: true, updatedAt: true, status: true, quantity: true, workCenterId: true },
      orderBy: { externalId: "asc" },
    }),
  );

describe("upsertErpRecords", () => {
  it("creates, then changes nothing on a re-sync, then updates exactly what changed", async () => {
    const orders = [1, 2, 3, 4].map((n) => order(n));
    const first = await inTenant((tx) => upsertErpRecords(tx, input(orders)));
    expect(first.products).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(first.orders).toEqual({ created: 4, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.events.map((event) => event.payload.transition)).toEqual([
      "RELEASED",
      "RELEASED",
      "RELEASED",
      "RELEASED",
    ]);
    const cycle = await inTenant((tx) =>
      tx.product.findMany({ where: { sku: { in: ["FG-100", "FG-200"] } }, orderBy: { sku: "asc" } }),
    );
    expect(cycle.map((product) => product.idealCycleTimeSeconds)).toEqual([30, 14]);

    const before = await snapshot();
    const again = await inTenant((tx) => upsertErpRecords(tx, input(orders)));
    expect(again.products).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.orders).toEqual({ created: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect(again.events).toEqual([]);
    expect(await snapshot()).toEqual(before);

    const changed = [
      order(1),
      order(2, { status: "IN_PROGRESS", startedAt: day(3), lastChangedAt: day(3) }),
      order(3, { quantity: 250, lastChangedAt: day(3) }),
      order(4),
    ];
    const third = await inTenant((tx) => upsertErpRecords(tx, input(changed)));
    expect(third.orders).toEqual({ created: 0, updated: 2, unchanged: 2, rejected: 0 });
    expect(third.events.map((event) => [event.payload.orderExternalId, event.payload.transition])).toEqual([
      ["400002", "STARTED"],
      ["400003", "QUANTITY_CHANGED"],
    ]);
    const after = await snapshot();
    const updatedAt = (rows: typeof after, id: string) =>
      rows.find((row) => row.externalId === id)?.updatedAt.getTime();
    expect(updatedAt(after, "400001")).toBe(updatedAt(before, "400001"));
    expect(updatedAt(after, "400004")).toBe(updatedAt(before, "400004"));
    expect(updatedAt(after, "400002")).not.toBe(updatedAt(before, "400002"));
    expect(after.find((row) => row.externalId === "400003")?.quantity).toBe(250);
  });

  it("rejects an order of an unknown material and stores the rest; unmapped work centers are noted, not rejected", async () => {
    const result = await inTenant((tx) =>
      upsertErpRecords(tx, {
        ...input([
          order(5, { sku: "FG-999" }),
          order(6, { erpWorkCenter: "LATHE09" }),
          order(7, { erpWorkCenter: "lathe09" }),
        ]),
        products: [],
      }),
    );
    expect(result.orders).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(result.rejectedOrders).toEqual([
      { index: 0, externalId: "400005", reason: expect.stringContaining('material "FG-999" is not a known product') },
    ]);
    expect(result.unmappedWorkCenters).toEqual([{ code: "LATHE09", orders: 2, problem: "not mapped" }]);
    const stored = await snapshot();
    expect(stored.find((row) => row.externalId === "400006")?.workCenterId).toBeNull();
    expect(stored.some((row) => row.externalId === "400005")).toBe(false);
  });

  it("keeps what a poorer source does not say, and lets the latest duplicate win", async () => {
    const partial: TErpOrderRecord = {
      externalId: "400002",
      sku: "FG-100",
      quantity: 200,
      dueAt: day(4),
      lastChangedAt: day(5),
    };
    const result = await inTenant((tx) =>
      upsertErpRecords(tx, { ...input([partial, { ...partial, quantity: 999, lastChangedAt: day(1) }]), products: [] }),
    );
    expect(result.duplicates).toBe(1);
    expect(result.orders.unchanged).toBe(1);
    const row = (await snapshot()).find((stored) => stored.externalId === "400002");
    expect(row).toMatchObject({ status: "IN_PROGRESS", quantity: 200, workCenterId: tenant.workCenterId });
  });

  it("never maps onto another tenant's work center", async () => {
    const result = await inTenant((tx) =>
      upsertErpRecords(tx, {
        ...input([order(8, { erpWorkCenter: "FOREIGN" })]),
        workCenterMap: workCenterMapFrom([{ erpWorkCenter: "FOREIGN", workCenterId: other.workCenterId }]),
      }),
    );
    expect(result.orders.created).toBe(1);
    expect(result.unmappedWorkCenters).toEqual([
      { code: "FOREIGN", orders: 1, problem: "mapped work center no longer exists" },
    ]);
  });

  it("handles thousands of orders in bulk", async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => order(1, { externalId: `B-${i}`, quantity: 1 + i }));
    const started = performance.now();
    const first = await inTenant((tx) => upsertErpRecords(tx, input(many)));
    const second = await inTenant((tx) =>
      upsertErpRecords(tx, input(many.map((o, i) => (i % 100 === 0 ? { ...o, quantity: o.quantity + 1 } : o)))),
    );
    expect(first.orders.created).toBe(3_000);
    expect(second.orders).toEqual({ created: 0, updated: 30, unchanged: 2_970, rejected: 0 });
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
