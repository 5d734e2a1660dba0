import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrderOee, type TOrderOeeInput } from "./get-order-oee";
import {
  createExecutionTestPlant,
  MINUTE,
  QUARTER,
  quarterHours,
  type TBucketRow,
  type TExecutionTestPlant,
} from "./testing/execution-test-plant";

let db: TestDatabase;
let plant: TExecutionTestPlant;
let otherLineId: string;
const workCenters: Record<"A" | "B" | "C", string> = { A: "", B: "", C: "" };
const products: Record<"bracket" | "housing", string> = { bracket: "", housing: "" };
const buckets: Record<string, TBucketRow[]> = {};

/**
 * Buckets that differ one from the next: every eighth outside planned time (units made anyway),
 * every fifth planned one down, the others running at varying counts, some faster than ideal.
 */
function varied(fromIso: string, toIso: string): TBucketRow[] {
  const count = (Date.parse(toIso) - Date.parse(fromIso)) / QUARTER;
  return quarterHours(fromIso, count).map((bucketStart, index) => {
    if (index % 8 === 7) return { bucketStart, unscheduledRunMs: QUARTER, unscheduledCount: 2 };
    if (index % 5 === 0) return { bucketStart, plannedMs: QUARTER, equipmentFailureMs: QUARTER };
    const total = 10 + (index % 4);
    return {
      bucketStart,
      plannedMs: QUARTER,
      runMs: QUARTER,
      totalCount: total,
      goodCount: index % 3 === 0 ? total - 1 : total,
      idealMs: total * 80_000,
    };
  });
}

type TSpan = { workCenter: "A" | "B" | "C"; startedAt: string; completedAt: string | null };

/** The test's own reading of the span rule: buckets from the one holding the start to the one holding the end. */
function expectedSums(spans: readonly TSpan[], now: number) {
  const sum = { planned: 0, run: 0, ideal: 0, total: 0, good: 0, unscheduled: 0 };
  for (const span of spans) {
    const from = Math.floor(Date.parse(span.startedAt) / QUARTER) * QUARTER;
    const end = span.completedAt ? Date.parse(span.completedAt) : now;
    for (const bucket of buckets[workCenters[span.workCenter]] ?? []) {
      const start = bucket.bucketStart.getTime();
      if (start < from || start >= end) continue;
      sum.planned += bucket.plannedMs ?? 0;
      sum.run += bucket.runMs ?? 0;
      sum.ideal += bucket.idealMs ?? 0;
      sum.total += bucket.totalCount ?? 0;
      sum.good += bucket.goodCount ?? 0;
      sum.unscheduled += bucket.unscheduledCount ?? 0;
    }
  }
  return {
    plannedMinutes: sum.planned / MINUTE,
    runMinutes: sum.run / MINUTE,
    idealMinutes: sum.ideal / MINUTE,
    totalCount: sum.total,
    goodCount: sum.good,
    unscheduledCount: sum.unscheduled,
    availability: sum.run / sum.planned,
    performance: sum.ideal / sum.run,
    quality: sum.good / sum.total,
    oee: (sum.run / sum.planned) * (sum.ideal / sum.run) * (sum.good / sum.total),
  };
}

type TSummaryRow = {
  idealMinutes: number;
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
};

function expectMatches(row: TSummaryRow | undefined, expected: ReturnType<typeof expectedSums>) {
  const { availability, performance, quality, oee, idealMinutes, ...exact } = expected;
  expect(row).toMatchObject(exact);
  expect(row?.idealMinutes).toBeCloseTo(idealMinutes, 9);
  expect(row?.availability).toBeCloseTo(availability, 12);
  expect(row?.performance).toBeCloseTo(performance, 12);
  expect(row?.quality).toBeCloseTo(quality, 12);
  expect(row?.oee).toBeCloseTo(oee, 12);
}

// Chicago in April is UTC−5: local midnight of 7 April is 05:00Z.
const ORDERS: Record<string, TSpan & { product: "bracket" | "housing"; quantity: number }> = {
  // 09:07–15:52 local on 6 April: the buckets holding both ends count whole.
  "ORD-1": {
    workCenter: "A",
    startedAt: "2026-04-06T14:07:00Z",
    completedAt: "2026-04-06T20:52:00Z",
    product: "bracket",
    quantity: 300,
  },
  // 16:00 on 6 April to 01:00 on 7 April: in a range of 7 April only by its last hour.
  "ORD-2": {
    workCenter: "A",
    startedAt: "2026-04-06T21:00:00Z",
    completedAt: "2026-04-07T06:00:00Z",
    product: "housing",
    quantity: 400,
  },
  "ORD-3": {
    workCenter: "B",
    startedAt: "2026-04-07T12:00:00Z",
    completedAt: "2026-04-08T00:00:00Z",
    product: "bracket",
    quantity: 500,
  },
  // Still running on the other line.
  "ORD-4": { workCenter: "C", startedAt: "2026-04-08T13:00:00Z", completedAt: null, product: "housing", quantity: 600 },
};
const NOW = Date.parse("2026-04-08T19:10:00Z");

function spanOf(externalId: string) {
  const order = ORDERS[externalId];
  if (!order) throw new Error(`${externalId} is not part of the test data`);
  return order;
}

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createExecutionTestPlant(db, "OrderOee", "America/Chicago");
  const { tenantId } = plant.fixture;
  otherLineId = await plant.addLine("OTHER");
  workCenters.A = await plant.addWorkCenter("WC-A");
  workCenters.B = await plant.addWorkCenter("WC-B");
  workCenters.C = await plant.addWorkCenter("WC-C", otherLineId);
  buckets[workCenters.A] = varied("2026-04-06T12:00:00Z", "2026-04-07T08:00:00Z");
  buckets[workCenters.B] = varied("2026-04-07T10:00:00Z", "2026-04-08T02:00:00Z");
  buckets[workCenters.C] = varied("2026-04-08T12:00:00Z", "2026-04-08T23:00:00Z");
  for (const [workCenterId, rows] of Object.entries(buckets)) await plant.insertBuckets(workCenterId, rows);

  await plant.inTenant(async (tx) => {
    for (const [key, sku, name] of [
      ["bracket", "BRK-1", "Bracket"],
      ["housing", "HSG-1", "Housing"],
    ] as const) {
      const product = await tx.product.create({
        data: { tenantId, sku: `${sku}-${tenantId.slice(0, 6)}`, name, idealCycleTimeSeconds: 80 },
        select: { id: true },
      });
      products[key] = product.id;
    }
    for (const [externalId, order] of Object.entries(ORDERS)) {
      await tx.productionOrder.create({
        data: {
          tenantId,
          externalId,
          productId: products[order.product],
          workCenterId: workCenters[order.workCenter],
          quantity: order.quantity,
          status: order.completedAt ? "COMPLETED" : "IN_PROGRESS",
          dueAt: new Date("2026-04-10T00:00:00Z"),
          startedAt: new Date(order.startedAt),
          completedAt: order.completedAt ? new Date(order.completedAt) : null,
        },
      });
    }
    const common = { tenantId, productId: products.bracket, workCenterId: workCenters.A, quantity: 50 };
    await tx.productionOrder.createMany({
      data: [
        // Cancelled while running: when it stopped is unknown, so it is left out.
        {
          ...common,
          externalId: "CANCELLED",
          status: "CANCELLED",
          dueAt: new Date("2026-04-09T00:00:00Z"),
          startedAt: new Date("2026-04-07T02:00:00Z"),
        },
        // Ran a month earlier.
        {
          ...common,
          externalId: "MARCH",
          status: "COMPLETED",
          dueAt: new Date("2026-03-02T00:00:00Z"),
          startedAt: new Date("2026-03-01T12:00:00Z"),
          completedAt: new Date("2026-03-01T18:00:00Z"),
        },
      ],
    });
  });
});

afterAll(async () => {
  await db.drop();
});

/** The service at a fixed now (the running order's end), with the defaults the procedure's input fills in. */
const orderOee = (input: Partial<TOrderOeeInput>) =>
  plant.inTenant((tx) => getOrderOee(tx, { sort: "default", limit: 200, ...input }, NOW));

describe("execution.orderOee", () => {
  it("sums each order's buckets over its run and divides last", async () => {
    const result = await orderOee({ from: "2026-04-06", to: "2026-04-08" });
    // Latest started first; the cancelled, the March and the never-started fixture orders are not in.
    expect(result.orders.map((order) => order.externalId)).toEqual(["ORD-4", "ORD-3", "ORD-2", "ORD-1"]);
    expect(result.orderCount).toBe(4);
    for (const order of result.orders) {
      const span = spanOf(order.externalId);
      expectMatches(order, expectedSums([span], NOW));
      expect(order).toMatchObject({
        quantity: span.quantity,
        running: span.completedAt === null,
        workCenter: { id: workCenters[span.workCenter] },
        product: { id: products[span.product] },
      });
      expect(order.progress).toBeCloseTo(order.goodCount / span.quantity, 12);
    }
    // The running order is read up to now (its work center has buckets after it).
    const ranToTheEnd = expectedSums([spanOf("ORD-4")], Number.POSITIVE_INFINITY);
    expect(result.orders[0]?.totalCount).toBeLessThan(ranToTheEnd.totalCount);
  });

  it("gives a product the sum of its orders' components, not the average of their OEEs", async () => {
    const result = await orderOee({ from: "2026-04-06", to: "2026-04-08" });
    const bracket = result.products.find((row) => row.product.id === products.bracket);
    expect(bracket).toMatchObject({ orderCount: 2, quantity: 800 });
    expectMatches(bracket, expectedSums([spanOf("ORD-1"), spanOf("ORD-3")], NOW));
    const orders = result.orders.filter((order) => order.product.id === products.bracket);
    const averageOfOees = orders.reduce((sum, order) => sum + (order.oee ?? 0), 0) / orders.length;
    expect(Math.abs((bracket?.oee ?? 0) - averageOfOees)).toBeGreaterThan(1e-6);

    const housing = result.products.find((row) => row.product.id === products.housing);
    expectMatches(housing, expectedSums([spanOf("ORD-2"), spanOf("ORD-4")], NOW));
    // Most planned time first.
    expect(result.products[0]?.plannedMinutes).toBeGreaterThanOrEqual(result.products[1]?.plannedMinutes ?? 0);
  });

  it("takes the orders whose run overlaps the site's dates, on the work centers in scope", async () => {
    // 7 April in Chicago: ORD-2 ran into its first hour; ORD-1 ended the day before.
    const day = await orderOee({ from: "2026-04-07", to: "2026-04-07" });
    expect(day.orders.map((order) => order.externalId)).toEqual(["ORD-3", "ORD-2"]);
    const line = await orderOee({ lineId: plant.fixture.lineId, from: "2026-04-06", to: "2026-04-08" });
    expect(line.orders.map((order) => order.externalId)).toEqual(["ORD-3", "ORD-2", "ORD-1"]);
    const other = await orderOee({ lineId: otherLineId, from: "2026-04-06", to: "2026-04-08" });
    expect(other.orders.map((order) => order.externalId)).toEqual(["ORD-4"]);
    expect(other.products.map((row) => row.product.id)).toEqual([products.housing]);
    const one = await orderOee({ workCenterId: workCenters.B, from: "2026-04-06", to: "2026-04-08" });
    expect(one.orders.map((order) => order.externalId)).toEqual(["ORD-3"]);
    const none = await orderOee({ from: "2026-05-01", to: "2026-05-03", workCenterId: workCenters.A });
    expect(none).toMatchObject({ orderCount: 0, orders: [], products: [] });
  });

  it("sorts by OEE before cutting to the limit, orders without planned time last", async () => {
    const all = await orderOee({ from: "2026-04-06", to: "2026-04-08", sort: "oeeAscending" });
    const oees = all.orders.map((order) => order.oee ?? Number.POSITIVE_INFINITY);
    expect(oees).toEqual([...oees].sort((a, b) => a - b));
    const lowest = await orderOee({ from: "2026-04-06", to: "2026-04-08", sort: "oeeAscending", limit: 1 });
    expect(lowest.orderCount).toBe(4);
    expect(lowest.orders.map((order) => order.externalId)).toEqual([all.orders[0]?.externalId]);
    const highest = await orderOee({ from: "2026-04-06", to: "2026-04-08", sort: "oeeDescending", limit: 1 });
    expect(highest.orders[0]?.externalId).toBe(all.orders[all.orders.length - 1]?.externalId);
    // Products are never cut by the limit.
    expect(lowest.products).toHaveLength(2);
  });

  it("is a manager's procedure, and exports orders and products as CSV", async () => {
    const api = await plant.caller();
    const result = await api.execution.orderOee({ from: "2026-04-06", to: "2026-04-08" });
    // At the real now, the running order has run ever since; the completed ones are as above.
    expectMatches(
      result.orders.find((order) => order.externalId === "ORD-3"),
      expectedSums([spanOf("ORD-3")], NOW),
    );
    await expect((await plant.caller("OPERATOR")).execution.orderOee({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.execution.orderOee({ from: "2026-01-01", to: "2026-06-30" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const orders = await api.execution.export({ table: "orderOee", from: "2026-04-06", to: "2026-04-08" });
    expect(orders.fileName).toBe("oee-by-order_2026-04-06_2026-04-08.csv");
    const [header, ...lines] = orders.csv.split("\r\n").filter(Boolean);
    expect(header).toBe(
      "Order,Status,Product SKU,Product,Work center,Started,Completed,Quantity,Progress,Planned minutes,Run minutes," +
        "Ideal minutes,Total count,Good count,Availability,Performance,Quality,OEE,Units without ideal cycle," +
        "Units outside planned time",
    );
    expect(lines).toHaveLength(4);
    const products = await api.execution.export({ table: "productOee", from: "2026-04-06", to: "2026-04-08" });
    expect(products.fileName).toBe("oee-by-product_2026-04-06_2026-04-08.csv");
    expect(products.csv.startsWith("Product SKU,Product,Orders,Quantity,Planned minutes,")).toBe(true);
    expect(products.csv.split("\r\n").filter(Boolean)).toHaveLength(3);
  });
});
