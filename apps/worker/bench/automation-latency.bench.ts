/**
 * `pnpm bench:automation` — how long an andon pull takes to become a task while the plant is busy.
 *
 * A real worker (a child process, as deployed) consumes a private queue prefix and a database of
 * its own. Connectors push 1,000 events/s of counts, telemetry and states for 20 work centers as
 * `ingest.batch` jobs every 100 ms; meanwhile andon events arrive about twice a second, and a rule
 * turns each into a task. Latency = the andon's ingest batch enqueued → its Task row (Task.createdAt),
 * also reported from the event's receivedAt. Target: p95 < 1 s.
 *
 *   pnpm bench:automation [--seconds 60] [--rate 1000] [--andons-per-second 2]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { forgetCachedRules } from "@gemba/db/automation/load-rules";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase } from "@gemba/db/testing/test-database";
import { testEnv } from "@gemba/db/testing/test-env";
import { ZRuleDefinition } from "@gemba/domain/automation/rule-definition";
import { summarizeSamples } from "@gemba/domain/stats/percentile";
import { workerHeartbeatKey } from "@gemba/jobs/heartbeat";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { createQueues } from "@gemba/jobs/queue";
import { Redis } from "ioredis";
import { removeQueueKeys, uniqueQueuePrefix } from "../src/testing/test-worker";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    rate: { type: "string", default: "1000" },
    "andons-per-second": { type: "string", default: "2" },
  },
});
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const ANDON_EVERY_MS = 1000 / Number(values["andons-per-second"]);
const TICK_MS = 100;
const WORK_CENTERS = 20;
const CONNECTORS = 2;
const TARGET_P95_MS = 1_000;
const print = (line: string) => process.stdout.write(`${line}\n`);

print(
  `automation latency benchmark: ${RATE} events/s background for ${SECONDS} s, andon every ${ANDON_EVERY_MS} ms, ` +
    `${WORK_CENTERS} work centers`,
);
const db = await createTestDatabase();
const plant = await createTenantFixture(db, "AutoBench");
const workCenterIds = await withTenant(db.app.prisma, plant.tenantId, async (tx) => {
  const created = [];
  for (let n = 1; n < WORK_CENTERS; n += 1) {
    created.push(
      await tx.workCenter.create({
        data: { tenantId: plant.tenantId, lineId: plant.lineId, code: `AB-${n}`, name: `Bench ${n}`, sequence: n + 1 },
        select: { id: true },
      }),
    );
  }
  return [plant.workCenterId, ...created.map((wc) => wc.id)];
});
const definition = ZRuleDefinition.parse({
  trigger: {
    kind: "EVENT",
    eventKinds: ["operator.activity"],
    payloadMatches: [{ path: "type", equals: "ANDON_CALLED" }],
  },
  actions: [{ kind: "CREATE_TASK", title: "Andon at {workCenter}", assigneeRole: "OPERATOR", priority: "URGENT" }],
});
const rule = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
  tx.rule.create({
    data: { tenantId: plant.tenantId, name: "Andon → task", triggerKind: "EVENT", definition },
    select: { id: true },
  }),
);
forgetCachedRules();

const prefix = uniqueQueuePrefix();
const redis = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
const queues = createQueues(redis, prefix);
const workerDir = fileURLToPath(new URL("..", import.meta.url));
const worker: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: workerDir,
  env: {
    ...process.env,
    APP_DATABASE_URL: db.appUrl,
    REDIS_URL: testEnv.TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    RUN_CONNECTORS: "false",
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
for (let waited = 0; (await redis.exists(workerHeartbeatKey(prefix))) === 0; waited += 100) {
  if (waited > 60_000) throw new Error("the worker did not start within 60 s");
  await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Enqueue time of each andon, by dedupe key. */
const enqueuedAt = new Map<string, number>();
let backgroundEvents = 0;
let sequence = 0;
const perBatch = Math.round((RATE * TICK_MS) / 1000 / CONNECTORS);

function backgroundItem(now: number, connector: number, index: number) {
  const n = sequence++;
  const workCenterId = workCenterIds[(connector * perBatch + index) % workCenterIds.length] as string;
  const base = { workCenterId, eventTime: new Date(now).toISOString(), dedupeKey: `bg-${n}` };
  const pick = n % 10;
  if (pick < 5)
    return { ...base, kind: "telemetry", payload: { tag: "spindle_load", value: 40 + (n % 30), unit: "%" } };
  if (pick < 9) return { ...base, kind: "production.count", payload: { total: 1, good: 1 } };
  return { ...base, kind: "machine.state", payload: { state: "RUNNING" } };
}

const started = Date.now();
const end = started + SECONDS * 1000;
let nextAndon = started + ANDON_EVERY_MS;
const pushes: Promise<unknown>[] = [];
for (let tick = started; tick < end; tick += TICK_MS) {
  const wait = tick - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const now = Date.now();
  for (let connector = 0; connector < CONNECTORS; connector += 1) {
    const items = Array.from({ length: perBatch }, (_, index) => backgroundItem(now, connector, index));
    backgroundEvents += items.length;
    pushes.push(
      enqueueIngestBatch(queues, { tenantId: plant.tenantId, connectorId: null, sourceId: `plc-${connector}`, items }),
    );
  }
  while (nextAndon <= now) {
    const dedupeKey = `andon-${randomUUID()}`;
    const workCenterId = workCenterIds[Math.floor(Math.random() * workCenterIds.length)] as string;
    const at = Date.now();
    enqueuedAt.set(dedupeKey, at);
    pushes.push(
      enqueueIngestBatch(queues, {
        tenantId: plant.tenantId,
        connectorId: null,
        sourceId: "tablet",
        items: [
          {
            kind: "operator.activity",
            workCenterId,
            eventTime: new Date(at).toISOString(),
            dedupeKey,
            payload: { type: "ANDON_CALLED" },
          },
        ],
      }),
    );
    nextAndon += ANDON_EVERY_MS;
  }
}
await Promise.all(pushes);
const loadSeconds = (Date.now() - started) / 1000;

type TRow = { dedupeKey: string; receivedAt: Date; createdAt: Date };
const fetchLatencies = () =>
  withTenant(
    db.app.prisma,
    plant.tenantId,
    (tx) =>
      tx.$queryRaw<TRow[]>`
      SELECT e."dedupeKey", e."receivedAt", t."createdAt"
        FROM "Task" t
        JOIN "RuleRun" r ON r.id::text = t."sourceId"
        JOIN "Event" e ON e.id = split_part(r."idempotencyKey", ':', 3)::bigint
       WHERE r."ruleId" = ${rule.id}::uuid`,
  );
let rows = await fetchLatencies();
for (let waited = 0; rows.length < enqueuedAt.size && waited < 30_000; waited += 500) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  rows = await fetchLatencies();
}
const stored = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
  tx.event.count({ where: { sourceId: { startsWith: "plc-" } } }),
);

const fromEnqueue = rows.map((row) => row.createdAt.getTime() - (enqueuedAt.get(row.dedupeKey) ?? Number.NaN));
const fromReceived = rows.map((row) => row.createdAt.getTime() - row.receivedAt.getTime());
const enqueue = summarizeSamples(fromEnqueue);
const received = summarizeSamples(fromReceived);
const pass = rows.length === enqueuedAt.size && enqueue.p95 < TARGET_P95_MS;

print("");
print(
  `background load: ${backgroundEvents} events enqueued in ${loadSeconds.toFixed(1)} s ` +
    `(${Math.round(backgroundEvents / loadSeconds)} events/s), ${stored} stored`,
);
print(`andon events: ${enqueuedAt.size} enqueued, ${rows.length} tasks`);
print(
  `enqueue → task committed:   n ${enqueue.count}, p50 ${enqueue.p50} ms, p95 ${enqueue.p95} ms, max ${enqueue.max} ms`,
);
print(
  `receivedAt → task:         n ${received.count}, p50 ${received.p50} ms, p95 ${received.p95} ms, max ${received.max} ms`,
);
print(`${pass ? "PASS" : "FAIL"}: p95 ${enqueue.p95} ms ${pass ? "<" : "not <"} ${TARGET_P95_MS} ms`);

worker.kill("SIGTERM");
await once(worker, "exit");
await queues.close();
await removeQueueKeys(redis, prefix);
redis.disconnect();
await db.drop();
process.exit(pass ? 0 : 1);
