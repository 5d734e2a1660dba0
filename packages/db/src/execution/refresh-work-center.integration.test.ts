import { createRandom } from "@gemba/domain/simulation/random";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventInsertRow, insertEvents } from "../events/insert-events";
import { withTenant, withTenantClient } from "../tenant-scope";
import { createTenantFixture, type TenantFixture } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { refreshWorkCenter } from "./refresh-work-center";

let db: TestDatabase;
let tenant: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db, "Rollups");
});

afterAll(async () => {
  await db.drop();
});

const START = Date.parse("2026-11-23T06:00:00Z");
const HOURS = 8;
const END = START + HOURS * 3_600_000;

/** A machine's day: state changes at random moments, a count every minute, some scrap. */
function simulatedDay(seed: number): EventInsertRow[] {
  const random = createRandom(seed);
  const events: EventInsertRow[] = [];
  const states = ["RUNNING", "RUNNING", "RUNNING", "IDLE", "DOWN"] as const;
  for (let time = START; time < END; time += Math.round(random.between(30_000, 40 * 60_000))) {
    const state = states[Math.floor(random.next() * states.length)] ?? "RUNNING";
    events.push(
      event("machine.state", time, {
        state,
        ...(state === "DOWN" && random.next() < 0.5 ? { reasonCode: "JAM" } : {}),
      }),
    );
  }
  for (let time = START + 60_000; time <= END; time += 60_000) {
    const total = Math.floor(random.next() * 4);
    const good = Math.max(0, total - (random.next() < 0.1 ? 1 : 0));
    events.push(event("production.count", time, { total, good }));
    if (total > good) events.push(event("production.scrap", time, { quantity: total - good, reasonCode: "DIMENSION" }));
  }
  return events;
}

function event(kind: string, time: number, payload: unknown): EventInsertRow {
  return {
    workCenterId: tenant.workCenterId,
    kind,
    eventTime: new Date(time),
    sourceId: "rollup-test",
    dedupeKey: `${kind}@${time}`,
    payload,
  };
}

async function storedRollups() {
  return withTenant(db.app.prisma, tenant.tenantId, async (tx) => ({
    buckets: await tx.workCenterBucket.findMany({
      where: { workCenterId: tenant.workCenterId },
      orderBy: { bucketStart: "asc" },
      omit: { updatedAt: true },
    }),
    intervals: mergeAdjacent(
      await tx.stateInterval.findMany({ where: { workCenterId: tenant.workCenterId }, orderBy: { start: "asc" } }),
    ),
  }));
}

/** Window edges may cut one interval into two identical rows; the timeline is the same. */
function mergeAdjacent<T extends { start: Date; end: Date }>(rows: T[]): T[] {
  const merged: T[] = [];
  for (const row of rows) {
    const last = merged.at(-1);
    const { start: _a, end: _b, ...facts } = row;
    const lastFacts = last ? (({ start: _c, end: _d, ...rest }) => rest)(last) : undefined;
    if (last && last.end.getTime() === row.start.getTime() && JSON.stringify(lastFacts) === JSON.stringify(facts)) {
      merged[merged.length - 1] = { ...last, end: row.end };
    } else merged.push(row);
  }
  return merged;
}

describe("incremental rollups", () => {
  it("equal a from-scratch recomputation after late and out-of-order events", async () => {
    const random = createRandom(7);
    const events = simulatedDay(42);
    // Delivered roughly in time order in uneven chunks, but one event in eight arrives up to two hours
    // late: a state change after the counts that followed it, a count after the next stop, …
    const arrival = new Map(
      events.map((entry) => [
        entry,
        entry.eventTime.getTime() + (random.next() < 0.125 ? random.between(0, 7_200_000) : 0),
      ]),
    );
    const shuffled = [...events].sort((a, b) => (arrival.get(a) ?? 0) - (arrival.get(b) ?? 0));
    for (let index = 0; index < shuffled.length; ) {
      const chunk = shuffled.slice(index, index + 1 + Math.floor(random.next() * 12));
      index += chunk.length;
      await withTenantClient(db.app.pool, tenant.tenantId, (client) => insertEvents(client, tenant.tenantId, chunk));
      const times = chunk.map((entry) => entry.eventTime.getTime());
      await refreshWorkCenter(db.app.pool, {
        tenantId: tenant.tenantId,
        workCenterId: tenant.workCenterId,
        changedFrom: Math.min(...times),
        changedTo: Math.max(...times),
        // The clock moves with the deliveries: "now" is when this chunk arrived.
        now: Math.min(END, Math.max(...chunk.map((entry) => arrival.get(entry) ?? 0)) + 60_000),
      });
    }
    // Then the clock reaches the end of the day (the periodic refresh of an idle machine does this).
    await refreshWorkCenter(db.app.pool, {
      tenantId: tenant.tenantId,
      workCenterId: tenant.workCenterId,
      changedFrom: END - 1,
      changedTo: END - 1,
      now: END,
    });
    const incremental = await storedRollups();

    await withTenant(db.app.prisma, tenant.tenantId, async (tx) => {
      await tx.stateInterval.deleteMany({ where: { workCenterId: tenant.workCenterId } });
      await tx.workCenterBucket.deleteMany({ where: { workCenterId: tenant.workCenterId } });
    });
    await refreshWorkCenter(db.app.pool, {
      tenantId: tenant.tenantId,
      workCenterId: tenant.workCenterId,
      changedFrom: START,
      changedTo: END,
      now: END,
    });
    const fromScratch = await storedRollups();

    expect(fromScratch.buckets.length).toBeGreaterThanOrEqual(HOURS * 4);
    expect(incremental.buckets).toEqual(fromScratch.buckets);
    const brief = (rows: typeof incremental.intervals) =>
      rows.map(
        (row) =>
          `${row.start.toISOString().slice(11, 19)}-${row.end.toISOString().slice(11, 19)} ${row.state} ${row.reasonCode} ${row.stopStart?.toISOString().slice(11, 19)}`,
      );
    expect(brief(incremental.intervals)).toEqual(brief(fromScratch.intervals));
    expect(incremental.intervals).toEqual(fromScratch.intervals);
    const total = fromScratch.buckets.reduce((sum, bucket) => sum + bucket.totalCount, 0);
    expect(total).toBe(
      events
        .filter((entry) => entry.kind === "production.count")
        .reduce((sum, entry) => sum + (entry.payload as { total: number }).total, 0),
    );
  });
});
