import { createUserSession } from "@gemba/auth/sessions";
import { DEMO_USERS } from "@gemba/db/seed/demo-plant";
import { seedDemo } from "@gemba/db/seed/seed-demo";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { addDays, formatLocalDate, utcToZoned } from "@gemba/domain/calendar/zoned-time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root";
import { parseLocalDate } from "./resolve-local-date-range";

// The demo plant (Riverside, America/Chicago, 12 work centers, two shifts Mon–Fri) with 30 days
// of simulated history, derived by the same code as the worker, ending now.
let db: TestDatabase;
let api: ReturnType<typeof createCaller>;
let today: string;
let monthAgo: string;
const timings: string[] = [];

async function timed<T>(label: string, call: () => Promise<T>): Promise<T> {
  await call(); // warm: plans and connections, as on a running server
  const started = performance.now();
  const result = await call();
  timings.push(`${label} ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const seeded = await seedDemo({ owner: db.owner, app: db.app, hashPassword: async (plain) => `test:${plain}` });
  const tenantId = seeded.tenants.find((tenant) => tenant.slug === "demo")?.tenantId ?? "";
  // Planner statistics, as autovacuum gathers them on a running database within a minute of the seed.
  await db.owner.pool.query("ANALYZE");
  const manager = await db.app.prisma.user.findUniqueOrThrow({
    where: { email: DEMO_USERS.manager.email },
    select: { id: true },
  });
  const sessionId = await createUserSession(db.app.prisma, { userId: manager.id });
  api = createCaller({
    db: db.app.prisma,
    session: { sessionId, userId: manager.id, activeTenantId: tenantId },
    requestId: "demo-dashboard",
  });
  today = formatLocalDate(utcToZoned(Date.now(), "America/Chicago"));
  monthAgo = formatLocalDate(addDays(parseLocalDate(today), -29));
}, 120_000);

afterAll(async () => {
  process.stdout.write(`execution dashboard on the 30-day demo plant (warm): ${timings.join(", ")}\n`);
  await db.drop();
});

describe("the execution dashboard on the seeded demo plant", () => {
  it("shows every work center on the floor, grouped by line, with a live state", async () => {
    const overview = await timed("overview", () => api.execution.overview());
    expect(overview.lines.map((line) => line.workCenters.length)).toEqual([4, 4, 4]);
    const tiles = overview.lines.flatMap((line) => line.workCenters);
    expect(tiles.every((tile) => tile.live !== null)).toBe(true);
    expect(tiles.filter((tile) => tile.currentOrder !== null).length).toBeGreaterThan(6);
    for (const tile of tiles) {
      expect(tile.live?.since.getTime()).toBeLessThanOrEqual(tile.live?.asOf.getTime() ?? 0);
      if (overview.lines[0]?.currentShift) expect(tile.shiftOee).not.toBeNull();
      else expect(tile.shiftOee).toBeNull();
    }
  });

  it("gives a 30-day trend whose days add up to the losses of the same range", async () => {
    const trend = await timed("oeeTrend 30 days by day", () => api.execution.oeeTrend({ from: monthAgo, to: today }));
    expect(trend.points).toHaveLength(30);
    const worked = trend.points.filter((point) => point.plannedMinutes > 0);
    expect(worked.length).toBeGreaterThanOrEqual(18);
    for (const point of worked) {
      expect(point.oee).toBeGreaterThan(0.2);
      expect(point.oee).toBeLessThan(1.05);
    }
    const losses = await timed("losses 30 days", () => api.execution.losses({ from: monthAgo, to: today }));
    const planned = trend.points.reduce((sum, point) => sum + point.plannedMinutes, 0);
    expect(losses.waterfall[0]?.minutes).toBeCloseTo(planned, 6);
    expect(losses.summary.plannedMinutes).toBeCloseTo(planned, 6);
    expect(losses.pareto.length).toBeGreaterThan(3);

    const shifts = await timed("oeeTrend 30 days by shift", () =>
      api.execution.oeeTrend({ from: monthAgo, to: today, granularity: "shift" }),
    );
    expect(new Set(shifts.points.map((point) => point.shiftName))).toEqual(new Set(["Early", "Late"]));
    // Buckets outside shifts hold no planned time, so shifts and days plan the same minutes.
    const shiftPlanned = shifts.points.reduce((sum, point) => sum + point.plannedMinutes, 0);
    expect(shiftPlanned).toBeCloseTo(planned, 6);

    const weeks = await timed("oeeTrend 30 days by week", () =>
      api.execution.oeeTrend({ from: monthAgo, to: today, granularity: "week" }),
    );
    // 30 days are never whole weeks: one end at least is cut.
    expect(weeks.points.length).toBeGreaterThanOrEqual(5);
    expect(weeks.points.some((point) => point.partial)).toBe(true);
    const weekPlanned = weeks.points.reduce((sum, point) => sum + point.plannedMinutes, 0);
    expect(weekPlanned).toBeCloseTo(planned, 6);
  });

  it("gives OEE per order over its run, and per product as the sum of its orders", async () => {
    const oee = await timed("orderOee 30 days", () =>
      api.execution.orderOee({ from: monthAgo, to: today, limit: 5000 }),
    );
    expect(oee.orderCount).toBeGreaterThan(12);
    expect(oee.orders).toHaveLength(oee.orderCount);
    const measured = oee.orders.filter((order) => order.plannedMinutes > 0);
    expect(measured.length).toBeGreaterThan(oee.orderCount / 2);
    for (const order of measured) {
      expect(order.oee).toBeGreaterThanOrEqual(0);
      expect(order.oee).toBeLessThan(1.2);
    }
    for (const product of oee.products) {
      const orders = oee.orders.filter((order) => order.product.id === product.product.id);
      expect(product.orderCount).toBe(orders.length);
      expect(product.plannedMinutes).toBeCloseTo(
        orders.reduce((sum, order) => sum + order.plannedMinutes, 0),
        6,
      );
      expect(product.goodCount).toBe(orders.reduce((sum, order) => sum + order.goodCount, 0));
    }
  });

  it("lists stops waiting for a reason, orders with projections, and one work center's day", async () => {
    const stops = await timed("unclassifiedDowntimes 30 days", () =>
      api.execution.unclassifiedDowntimes({ from: monthAgo, to: today, limit: 50 }),
    );
    expect(stops.map((stop) => stop.durationMinutes)).toEqual(
      [...stops].map((stop) => stop.durationMinutes).sort((a, b) => b - a),
    );
    const orders = await timed("orders open", () => api.execution.orders({ status: "open" }));
    expect(orders.filter((order) => order.status === "IN_PROGRESS").every((order) => order.projection !== null)).toBe(
      true,
    );
    await timed("orders all", () => api.execution.orders({ status: "all", limit: 1000 }));

    const overview = await api.execution.overview();
    const workCenterId = overview.lines[0]?.workCenters[0]?.workCenterId ?? "";
    const timeline = await timed("workCenterTimeline 24 h", () => api.execution.workCenterTimeline({ workCenterId }));
    expect(timeline.hours.length).toBeGreaterThanOrEqual(24);
    timeline.intervals.forEach((interval, index) => {
      const previous = timeline.intervals[index - 1];
      if (previous) expect(interval.start.getTime()).toBeGreaterThanOrEqual(previous.end.getTime());
    });
    const week = await timed("export oeeTrend 30 days", () =>
      api.execution.export({ table: "oeeTrend", from: monthAgo, to: today }),
    );
    expect(week.csv.split("\r\n").filter(Boolean)).toHaveLength(31);
  });
});
