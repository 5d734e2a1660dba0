import { insertEvents } from "@gemba/db/events/insert-events";
import { refreshWorkCenter } from "@gemba/db/execution/refresh-work-center";
import { buildPlantCalendar } from "@gemba/db/seed/simulate-plant";
import { withTenant, withTenantClient } from "@gemba/db/tenant-scope";
import { type BenchDatabase, dropBenchDatabase, openBenchDatabase } from "./bench-database";
import { BENCH_TENANT, buildBenchPlant } from "./bench-plant";
import { createBenchPlant } from "./create-plant";
import { formatCount, formatSeconds, runConcurrently } from "./measure";
import { chunkHistory, planTelemetry, simulateHistory, telemetryForChunk } from "./plant-history";

/** What a load was asked for: a stored load is reused only when all of it matches. */
export type LoadShape = { workCenters: number; days: number; eventsTarget: number };

/** The marker row's content (an audit entry "bench.load", written last, so it only exists for a complete load). */
export type LoadedPlant = LoadShape & {
  tenantId: string;
  managerUserId: string;
  workCenterIds: string[];
  from: string;
  to: string;
  events: number;
  telemetryPeriodMs: number;
  insertSeconds: number;
  refreshSeconds: number;
};

const MARKER_ACTION = "bench.load";
const INSERT_BATCH_SIZE = 10_000;
const ORDERS_PER_STATEMENT = 1_000;
/** WorkCenter.unknownTimeoutSeconds by default: a machine silent this long is UNKNOWN. */
const UNKNOWN_TIMEOUT_MS = 600_000;

export type LoadOptions = LoadShape & {
  database: string;
  fresh: boolean;
  /** Parallel insert transactions and work center refreshes. */
  concurrency: number;
  log: (line: string) => void;
};

/** Opens the benchmark database holding the requested load, loading it first when needed. */
export async function ensureLoadedPlant(options: LoadOptions): Promise<{ db: BenchDatabase; plant: LoadedPlant }> {
  let db = await openBenchDatabase(options.database, { fresh: options.fresh });
  const stored = await readMarker(db);
  if (stored && sameShape(stored, options)) {
    options.log(`reusing ${db.name}: loaded ${stored.to} (pass --fresh to reload)`);
    return { db, plant: stored };
  }
  if (!db.created) {
    options.log(
      stored
        ? `${db.name} holds another load (${describeShape(stored)}); rebuilding it`
        : `${db.name} holds no complete load; rebuilding it`,
    );
    await dropBenchDatabase(db);
    db = await openBenchDatabase(options.database, { fresh: true });
  }
  return { db, plant: await loadPlant(db, options) };
}

async function loadPlant(db: BenchDatabase, options: LoadOptions): Promise<LoadedPlant> {
  const { log } = options;
  const plant = buildBenchPlant(options.workCenters);
  const calendar = buildPlantCalendar(plant, new Date(), options.days);
  const chunks = chunkHistory(calendar);
  log(
    `loading ${describeShape(options)} into ${db.name}: ${calendar.from.toISOString()} → ${calendar.now.toISOString()}`,
  );

  let started = performance.now();
  const ids = await createBenchPlant(db, plant, calendar);
  const history = simulateHistory(plant, calendar, ids.workCenters, chunks);
  const orderRows = history.orders.map(({ workCenterCode, productSku, ...order }) => ({
    ...order,
    tenantId: ids.tenantId,
    workCenterId: ids.workCenters.get(workCenterCode) ?? null,
    productId: requireValue(ids.products, productSku),
  }));
  // Prisma splits a createMany past its parameter limit into chunks it sends at once on the
  // transaction's one connection, which pg 8 deprecates: keep each call under the limit.
  await withTenant(db.app.prisma, ids.tenantId, async (tx) => {
    for (let start = 0; start < orderRows.length; start += ORDERS_PER_STATEMENT) {
      await tx.productionOrder.createMany({ data: orderRows.slice(start, start + ORDERS_PER_STATEMENT) });
    }
  });
  const telemetry = planTelemetry(plant, ids.workCenters, chunks, options.eventsTarget - history.eventCount);
  const expected = history.eventCount + telemetry.eventCount;
  log(
    `plant: ${ids.workCenters.size} work centers, ${plant.products.length} products, ${formatCount(history.orders.length)} orders, ` +
      `simulated ${formatCount(history.eventCount)} events in ${formatSeconds(performance.now() - started)}`,
  );
  log(
    `telemetry: ${telemetry.channels.length} channels, one sample per channel every ${(telemetry.periodMs / 1000).toFixed(1)} s ` +
      `(${formatCount(telemetry.eventCount)} events); total to store: ${formatCount(expected)} events`,
  );

  if (telemetry.periodMs > UNKNOWN_TIMEOUT_MS) {
    log(
      `  warning: telemetry sparser than the ${UNKNOWN_TIMEOUT_MS / 60_000}-minute unknown-signal timeout: machines waiting ` +
        "without other events will show UNKNOWN, adding intervals a real plant would not have; raise --events",
    );
  }

  started = performance.now();
  let stored = 0;
  await runConcurrently(chunks.count, options.concurrency, async (chunk) => {
    const chunkStarted = performance.now();
    const rows = [...(history.eventsByChunk[chunk] ?? []), ...telemetryForChunk(telemetry, chunks, chunk)];
    history.eventsByChunk[chunk] = [];
    rows.sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime());
    const inserted = await withTenantClient(db.app.pool, ids.tenantId, (client) =>
      insertEvents(client, ids.tenantId, rows, { batchSize: INSERT_BATCH_SIZE }),
    );
    stored += inserted;
    const seconds = (performance.now() - chunkStarted) / 1000;
    log(
      `  day ${chunk + 1}/${chunks.count}: ${formatCount(inserted)} events in ${seconds.toFixed(1)} s ` +
        `(${formatCount(inserted / seconds)} events/s; ${formatCount(stored)} so far)`,
    );
  });
  const insertSeconds = (performance.now() - started) / 1000;
  if (stored !== expected) throw new Error(`Stored ${stored} events, expected ${expected}`);
  log(
    `inserted ${formatCount(stored)} events in ${insertSeconds.toFixed(1)} s: ${formatCount(stored / insertSeconds)} events/s ` +
      `(unnest, ${formatCount(INSERT_BATCH_SIZE)} rows per statement, ${options.concurrency} transactions in parallel, app role)`,
  );
  await analyze(db, log);

  started = performance.now();
  const codes = [...ids.workCenters.keys()];
  await runConcurrently(codes.length, options.concurrency, async (index) => {
    const code = codes[index] ?? "";
    const workCenterStarted = performance.now();
    const outcome = await refreshWorkCenter(db.app.pool, {
      tenantId: ids.tenantId,
      workCenterId: requireValue(ids.workCenters, code),
      changedFrom: chunks.from,
      changedTo: chunks.to,
      now: chunks.to,
    });
    log(
      `  refreshed ${code}: ${formatCount(outcome?.intervals.length ?? 0)} intervals, ${formatCount(outcome?.buckets ?? 0)} buckets ` +
        `in ${formatSeconds(performance.now() - workCenterStarted)}`,
    );
  });
  const refreshSeconds = (performance.now() - started) / 1000;
  log(
    `derived timelines and buckets of ${codes.length} work centers in ${refreshSeconds.toFixed(1)} s ` +
      `(${formatSeconds((refreshSeconds * 1000 * options.concurrency) / codes.length)} per work center, ${options.concurrency} in parallel)`,
  );
  await analyze(db, log);

  const loaded: LoadedPlant = {
    workCenters: options.workCenters,
    days: options.days,
    eventsTarget: options.eventsTarget,
    tenantId: ids.tenantId,
    managerUserId: ids.managerUserId,
    workCenterIds: [...ids.workCenters.values()],
    from: calendar.from.toISOString(),
    to: calendar.now.toISOString(),
    events: stored,
    telemetryPeriodMs: telemetry.periodMs,
    insertSeconds,
    refreshSeconds,
  };
  await withTenant(db.app.prisma, ids.tenantId, (tx) =>
    tx.auditEntry.create({
      data: {
        tenantId: ids.tenantId,
        action: MARKER_ACTION,
        entityType: "Tenant",
        entityId: ids.tenantId,
        summary: `Benchmark load: ${describeShape(loaded)}, ${stored} events`,
        after: loaded,
      },
      select: { id: true },
    }),
  );
  return loaded;
}

function requireValue(map: ReadonlyMap<string, string>, key: string): string {
  const value = map.get(key);
  if (value === undefined) throw new Error(`The bench plant has no ${key}`);
  return value;
}

/** The owner bypasses row-level security, so the marker is found without knowing the tenant. */
async function readMarker(db: BenchDatabase): Promise<LoadedPlant | null> {
  const tenant = await db.owner.prisma.tenant.findUnique({ where: { slug: BENCH_TENANT.slug }, select: { id: true } });
  if (!tenant) return null;
  const entry = await db.owner.prisma.auditEntry.findFirst({
    where: { tenantId: tenant.id, action: MARKER_ACTION },
    orderBy: { id: "desc" },
    select: { after: true },
  });
  return (entry?.after as LoadedPlant | null | undefined) ?? null;
}

function sameShape(a: LoadShape, b: LoadShape): boolean {
  return a.workCenters === b.workCenters && a.days === b.days && a.eventsTarget === b.eventsTarget;
}

function describeShape(shape: LoadShape): string {
  return `${shape.workCenters} work centers, ${shape.days} days, ~${formatCount(shape.eventsTarget)} events`;
}

async function analyze(db: BenchDatabase, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  await db.owner.pool.query(`ANALYZE "Event", "StateInterval", "WorkCenterBucket", "ProductionOrder"`);
  log(`ANALYZE in ${formatSeconds(performance.now() - started)}`);
}

export type LoadSummary = { events: number; intervals: number; buckets: number; sizes: Record<string, string> };

/** Row counts and on-disk sizes (heap + indexes) of what the dashboard reads. */
export async function summarizeLoad(db: BenchDatabase, plant: LoadedPlant): Promise<LoadSummary> {
  const { rows } = await db.owner.pool.query<{ intervals: string; buckets: string; sizes: Record<string, string> }>(
    `SELECT (SELECT count(*) FROM "StateInterval" WHERE "tenantId" = $1) AS intervals,
            (SELECT count(*) FROM "WorkCenterBucket" WHERE "tenantId" = $1) AS buckets,
            json_build_object(
              'Event', pg_size_pretty(pg_total_relation_size('"Event"')),
              'StateInterval', pg_size_pretty(pg_total_relation_size('"StateInterval"')),
              'WorkCenterBucket', pg_size_pretty(pg_total_relation_size('"WorkCenterBucket"'))) AS sizes`,
    [plant.tenantId],
  );
  const row = rows[0];
  return {
    events: plant.events,
    intervals: Number(row?.intervals ?? 0),
    buckets: Number(row?.buckets ?? 0),
    sizes: row?.sizes ?? {},
  };
}
