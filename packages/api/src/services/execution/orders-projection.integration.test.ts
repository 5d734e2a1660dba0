import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createExecutionTestPlant,
  QUARTER,
  quarterHours,
  type TExecutionTestPlant,
} from "./testing/execution-test-plant";

const HOUR = 3_600_000;

let db: TestDatabase;
let plant: TExecutionTestPlant;
// Procedures run at the real current time; the data is laid out relative to it. The site has no
// shift calendar, so all time is planned (24/7) and the projections are simple arithmetic.
const now = Date.now();
const lastQuarter = Math.floor(now / QUARTER) * QUARTER;
const startedAt = new Date(lastQuarter - 4 * HOUR);

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createExecutionTestPlant(db, "Orders", "America/Chicago");
  const { tenantId, productId } = plant.fixture;
  // Three work centers that made 50 good units (52 counted) every quarter hour for the last 4 h:
  // 800 good so far, 200 an hour → 200 units left take 1 h (0.87 h at +15 %, 1.18 h at −15 %).
  const dueInHours = { "ON-TIME": 10, "AT-RISK": 1.1, LATE: 0.5 };
  for (const [code, hours] of Object.entries(dueInHours)) {
    const workCenterId = await plant.addWorkCenter(code);
    await plant.insertBuckets(
      workCenterId,
      quarterHours(startedAt, 16).map((bucketStart) => ({
        bucketStart,
        plannedMs: QUARTER,
        runMs: QUARTER,
        totalCount: 52,
        goodCount: 50,
      })),
    );
    await plant.inTenant((tx) =>
      tx.productionOrder.create({
        data: {
          tenantId,
          externalId: `RUN-${code}`,
          productId,
          workCenterId,
          quantity: 1000,
          status: "IN_PROGRESS",
          releasedAt: new Date(now - 24 * HOUR),
          startedAt,
          dueAt: new Date(now + hours * HOUR),
        },
      }),
    );
  }
  await plant.inTenant(async (tx) => {
    const common = { tenantId, productId, workCenterId: plant.fixture.workCenterId, quantity: 100 };
    await tx.productionOrder.createMany({
      data: [
        { ...common, externalId: "WAITING-OVERDUE", status: "RELEASED", dueAt: new Date(now - HOUR) },
        {
          ...common,
          externalId: "DONE-LATE",
          status: "COMPLETED",
          startedAt: new Date(now - 30 * HOUR),
          completedAt: new Date(now - 20 * HOUR),
          dueAt: new Date(now - 25 * HOUR),
        },
      ],
    });
    // A product name that needs quoting in CSV, and one a spreadsheet would run as a formula.
    await tx.product.update({
      where: { tenantId_id: { tenantId, id: productId } },
      data: { name: 'Bracket, "heavy"\nrev B' },
    });
  });
});

afterAll(async () => {
  await db.drop();
});

describe("execution.orders", () => {
  it("projects running orders from their recent pace and flags the ones at risk or late", async () => {
    const api = await plant.caller();
    const orders = await api.execution.orders({ status: "open" });
    const byNumber = new Map(orders.map((order) => [order.externalId, order]));
    for (const code of ["ON-TIME", "AT-RISK", "LATE"]) {
      const order = byNumber.get(`RUN-${code}`);
      expect(order).toMatchObject({ producedGood: 800, producedTotal: 832, progress: 0.8 });
      expect(order?.recentRatePerHour).toBeCloseTo(200, 10);
      // One planned hour after the moment of the call.
      const finish = order?.projection?.projectedFinish?.getTime() ?? 0;
      expect(finish).toBeGreaterThanOrEqual(now + HOUR);
      expect(finish).toBeLessThanOrEqual(Date.now() + HOUR);
    }
    expect(byNumber.get("RUN-ON-TIME")).toMatchObject({
      atRisk: false,
      late: false,
      projection: { status: "ON_TIME" },
    });
    expect(byNumber.get("RUN-AT-RISK")).toMatchObject({ atRisk: true, late: false, projection: { status: "AT_RISK" } });
    expect(byNumber.get("RUN-LATE")).toMatchObject({ atRisk: false, late: true, projection: { status: "LATE" } });
    // Not started: no pace to project from; overdue is late all the same.
    expect(byNumber.get("WAITING-OVERDUE")).toMatchObject({
      producedGood: 0,
      late: true,
      projection: { status: "LATE", projectedFinish: null },
    });
    // The fixture's released order, due tomorrow.
    expect(orders.find((order) => order.id === plant.fixture.orderId)).toMatchObject({
      late: false,
      atRisk: false,
      projection: { status: "CANNOT_PROJECT" },
    });
    expect(byNumber.has("DONE-LATE")).toBe(false);
    // Soonest due first.
    expect(orders.map((order) => order.dueAt.getTime())).toEqual(
      [...orders].map((order) => order.dueAt.getTime()).sort((a, b) => a - b),
    );
  });

  it("includes closed orders on request, late when completed after their due date", async () => {
    const api = await plant.caller();
    const orders = await api.execution.orders({ status: "all" });
    expect(orders.find((order) => order.externalId === "DONE-LATE")).toMatchObject({
      status: "COMPLETED",
      projection: null,
      late: true,
    });
  });
});

describe("execution.export", () => {
  it("writes RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, CRLF between rows", async () => {
    const api = await plant.caller();
    const { fileName, csv } = await api.execution.export({ table: "orders", status: "open" });
    expect(fileName).toMatch(/^orders-open_\d{4}-\d{2}-\d{2}T\d{4}Z\.csv$/);
    const [header] = csv.split("\r\n");
    expect(header).toBe(
      "Order,Status,Product SKU,Product,Work center,Quantity,Produced (good),Produced (total),Progress,Due,Started," +
        "Completed,Recent rate per hour,Projection,Projected finish,At risk,Late,Projection note",
    );
    expect(csv).toContain(',"Bracket, ""heavy""\nrev B",');
    expect(csv.endsWith("\r\n")).toBe(true);
    const running = csv.split("\r\n").find((line) => line.startsWith("RUN-AT-RISK,"));
    expect(running).toContain(",IN_PROGRESS,");
    expect(running).toContain(",1000,800,832,0.8,");
    expect(running).toContain(",AT_RISK,");
  });

  it("exports each table with the same input as its procedure", async () => {
    const api = await plant.caller();
    const trend = await api.execution.export({ table: "oeeTrend", from: "2026-06-01", to: "2026-06-03" });
    expect(trend.fileName).toBe("oee-by-day_2026-06-01_2026-06-03.csv");
    expect(trend.csv.split("\r\n").filter(Boolean)).toHaveLength(4);
    const pareto = await api.execution.export({ table: "pareto" });
    expect(pareto.csv.startsWith("Reason,Reason code,Category,Minutes,Occurrences,Share,Cumulative share\r\n")).toBe(
      true,
    );
    const timeline = await api.execution.export({ table: "timeline", workCenterId: plant.fixture.workCenterId });
    expect(timeline.fileName).toMatch(/^timeline-WC-[0-9a-f]+_/);
    await expect(api.execution.export({ table: "losses", from: "2026-01-01", to: "2026-12-31" })).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
  });
});
