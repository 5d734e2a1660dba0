/**
 * `pnpm bench:ingest` — sustained ingest from the BullMQ queue into Postgres, with the dedupe
 * index in place and a pre-loaded events table, against the same load through Prisma's
 * createMany. Uses the real Postgres and Redis of TEST_DATABASE_URL / TEST_REDIS_URL.
 *
 *   pnpm bench:ingest [--events 200000] [--batch 5000] [--preload 500000] [--runs 3]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { insertEvents } from "@gemba/db/events/insert-events";
import { withTenant, withTenantClient } from "@gemba/db/tenant-scope";
import { createTenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase } from "@gemba/db/testing/test-database";
import { testEnv } from "@gemba/db/testing/test-env";
import { percentile } from "@gemba/domain/stats/percentile";
import { QUEUES } from "@gemba/jobs/constants";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { Redis } from "ioredis";
import pino from "pino";
import { startWorker } from "../src/start-worker";
import { removeQueueKeys, uniqueQueuePrefix } from "../src/testing/test-worker";

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    events: { type: "string", default: "200000" },
    batch: { type: "string", default: "5000" },
    preload: { type: "string", default: "500000" },
    runs: { type: "string", default: "3" },
  },
});
const EVENTS = Number(values.events);
const BATCH = Number(values.batch);
const PRELOAD = Number(values.preload);
const RUNS = Number(values.runs);
const print = (line: string) => process.stdout.write(`${line}\n`);

const db = await createTestDatabase();
const plant = await createTenantFixture(db, "Bench");
const workCenterIds = await withTenant(db.app.prisma, plant.tenantId, async (tx) => {
  const created = await Promise.all(
    Array.from({ length: 49 }, (_, n) =>
      tx.workCenter.create({
        data: { tenantId: plant.tenantId, lineId: plant.lineId, code: `B-${n}`, name: `Bench ${n}`, sequence: n + 2 },
        select: { id: true },
      }),
    ),
  );
  return [plant.workCenterId, ...created.map((wc) => wc.id)];
});

function makeEvents(count: number, sourceId: string, offset = 0) {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const workCenterId = workCenterIds[n % workCenterIds.length] ?? plant.workCenterId;
    return n % 3 === 0
      ? {
          kind: "machine.state",
          workCenterId,
          eventTime: new Date(Date.UTC(2026, 9, 1) + n * 250).toISOString(),
          sourceId,
          dedupeKey: `${sourceId}:${n}`,
          payload: { state: n % 2 ? "RUNNING" : "IDLE" },
        }
      : {
          kind: "production.count",
          workCenterId,
          eventTime: new Date(Date.UTC(2026, 9, 1) + n * 250).toISOString(),
          sourceId,
          dedupeKey: `${sourceId}:${n}`,
          payload: { total: 12, good: 11 },
        };
  });
}

print(`ingest benchmark: ${EVENTS} events per run in batches of ${BATCH}, ${PRELOAD} events pre-loaded, ${RUNS} runs`);
{
  const started = performance.now();
  const preload = makeEvents(PRELOAD, "preload").map((e) => ({ ...e, eventTime: new Date(e.eventTime) }));
  await withTenantClient(db.app.pool, plant.tenantId, (client) => insertEvents(client, plant.tenantId, preload));
  await db.owner.pool.query(`ANALYZE "Event"`);
  print(`pre-loaded ${PRELOAD} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const connection = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
const median = (xs: number[]) => percentile(xs, 0.5);

async function queueRun(run: number) {
  const prefix = uniqueQueuePrefix();
  const sourceId = `bench-queue-${run}-${randomUUID()}`;
  const events = makeEvents(EVENTS, sourceId);
  // Fill the queue first, then start the worker: the measurement is the drain, not the producer.
  const producer = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const { createQueues } = await import("@gemba/jobs/queue");
  const queues = createQueues(producer, prefix);
  for (let start = 0; start < events.length; start += BATCH) {
    await enqueueIngestBatch(queues, {
      tenantId: plant.tenantId,
      connectorId: null,
      sourceId,
      items: events.slice(start, start + BATCH),
    });
  }
  const started = performance.now();
  const worker = await startWorker({
    db: db.app,
    connection,
    log: pino({ level: "silent" }),
    concurrency: 2,
    prefix,
    registerSchedules: false,
    // The ingest consumer alone, as a dedicated ingest process runs it: the comparison with
    // createMany is about storing events. Timelines and OEE buckets are the execution queue's
    // work, done by the same or another process after the events are stored.
    queues: [QUEUES.ingest],
  });
  const queue = queues.get(QUEUES.ingest);
  for (;;) {
    const counts = await queue.getJobCounts("wait", "active", "failed");
    if (counts.failed) throw new Error("ingest jobs failed");
    if (!counts.wait && !counts.active) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  const jobs = await queue.getJobs(["completed"], 0, -1);
  const latencies = jobs.map((job) => (job.finishedOn ?? 0) - (job.processedOn ?? 0));
  await worker.stop();
  await queues.close();
  await removeQueueKeys(producer, prefix);
  producer.disconnect();
  const stored = await withTenant(db.app.prisma, plant.tenantId, (tx) => tx.event.count({ where: { sourceId } }));
  if (stored !== EVENTS) throw new Error(`stored ${stored} of ${EVENTS}`);
  return { eventsPerSecond: EVENTS / seconds, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

async function prismaRun(run: number) {
  const sourceId = `bench-prisma-${run}-${randomUUID()}`;
  const rows = makeEvents(EVENTS, sourceId).map((e) => ({
    ...e,
    tenantId: plant.tenantId,
    eventTime: new Date(e.eventTime),
  }));
  const batches: (typeof rows)[] = [];
  for (let start = 0; start < rows.length; start += BATCH) batches.push(rows.slice(start, start + BATCH));
  const started = performance.now();
  // Same parallelism as the worker (2), same batch size, duplicates skipped like ON CONFLICT.
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      for (let batch = batches[next++]; batch; batch = batches[next++]) {
        const data = batch;
        await withTenant(db.app.prisma, plant.tenantId, (tx) => tx.event.createMany({ data, skipDuplicates: true }));
      }
    }),
  );
  return { eventsPerSecond: EVENTS / ((performance.now() - started) / 1000) };
}

const queueResults = [];
const prismaResults = [];
for (let run = 1; run <= RUNS; run += 1) {
  const q = await queueRun(run);
  const p = await prismaRun(run);
  queueResults.push(q);
  prismaResults.push(p);
  print(
    `run ${run}: queue → unnest ${Math.round(q.eventsPerSecond)} events/s (batch p50 ${q.p50} ms, p95 ${q.p95} ms); ` +
      `Prisma createMany ${Math.round(p.eventsPerSecond)} events/s`,
  );
}
const queueMedian = median(queueResults.map((r) => r.eventsPerSecond));
const prismaMedian = median(prismaResults.map((r) => r.eventsPerSecond));
print("");
print(`median over ${RUNS} runs:`);
print(`  queue → worker → unnest insert: ${Math.round(queueMedian)} events/s sustained`);
print(
  `  batch commit latency:           p50 ${median(queueResults.map((r) => r.p50))} ms, p95 ${median(queueResults.map((r) => r.p95))} ms (${BATCH} events per batch)`,
);
print(`  Prisma createMany:              ${Math.round(prismaMedian)} events/s`);
print(`  ratio:                          ${(queueMedian / prismaMedian).toFixed(1)}×`);
print(
  `  targets: ≥ 20000 events/s ${queueMedian >= 20_000 ? "met" : "NOT met"}; ≥ 5× createMany ${queueMedian / prismaMedian >= 5 ? "met" : "NOT met"}`,
);

connection.disconnect();
await db.drop();
process.exit(0);
