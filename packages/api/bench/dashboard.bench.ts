/**
 * `pnpm bench:dashboard` — loads a plant's history (by default 30 days of 50 work centers,
 * ≈ 10 million events) into a dedicated database, derives its timelines and OEE buckets, then
 * times the dashboard's main procedures through the tRPC API as a signed-in manager.
 * The load is kept and reused by later runs of the same shape; --fresh reloads it.
 * Uses the Postgres server of TEST_DATABASE_URL (a superuser connection, as the tests do).
 */
const USAGE = `pnpm bench:dashboard [options]
  --work-centers N  work centers, in lines of ten (default 50)
  --days N          days of history up to now (default 30)
  --events N        events to store in all (default: the issue's density, 10,000,000 for 50 work centers × 30 days)
  --runs N          timed calls per query (default 50), after --warmup N untimed ones (default 5)
  --concurrency N   parallel insert transactions and refreshes while loading (default 2)
  --database NAME   database to load into and reuse (default gemba_bench_dashboard)
  --fresh           drop and reload the database even if it holds this load
quick run: pnpm bench:dashboard --days 3 --work-centers 10`;

import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { buildBenchPlant } from "./bench-plant";
import { prepareDashboardCalls } from "./dashboard-calls";
import { ensureLoadedPlant, summarizeLoad } from "./load-plant";
import { formatCount, formatTimings, summarize, type Timing, timeCalls, verdictOf } from "./measure";

const { values } = parseArgs({
  options: {
    "work-centers": { type: "string", default: "50" },
    days: { type: "string", default: "30" },
    events: { type: "string" },
    runs: { type: "string", default: "50" },
    warmup: { type: "string", default: "5" },
    concurrency: { type: "string", default: "2" },
    database: { type: "string", default: "gemba_bench_dashboard" },
    fresh: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function wholeNumber(name: string, text: string, minimum = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`--${name} must be a whole number of at least ${minimum} (got ${text})`);
  }
  return value;
}

// The issue's plant: 10 million events for 50 work centers over 30 days. Other shapes keep its
// density (about 6,700 events per work center and day) unless --events says otherwise.
const ISSUE_EVENTS_PER_WORK_CENTER_DAY = 10_000_000 / 50 / 30;
const workCenters = wholeNumber("work-centers", values["work-centers"]);
const days = wholeNumber("days", values.days);
const options = {
  workCenters,
  days,
  eventsTarget: values.events
    ? wholeNumber("events", values.events)
    : Math.round(ISSUE_EVENTS_PER_WORK_CENTER_DAY * workCenters * days),
  runs: wholeNumber("runs", values.runs),
  warmup: wholeNumber("warmup", values.warmup, 0),
  concurrency: wholeNumber("concurrency", values.concurrency),
};
const print = (line: string) => process.stdout.write(`${line}\n`);

const { db, plant } = await ensureLoadedPlant({
  ...options,
  database: values.database,
  fresh: values.fresh,
  log: print,
});
const summary = await summarizeLoad(db, plant);
print("");
print(
  `loaded: ${formatCount(summary.events)} events, ${formatCount(summary.intervals)} state intervals, ` +
    `${formatCount(summary.buckets)} 15-minute buckets; ${plant.workCenters} work centers, ${plant.from} → ${plant.to}`,
);
print(
  `  on disk (heap + indexes): ${Object.entries(summary.sizes)
    .map(([table, size]) => `${table} ${size}`)
    .join(", ")}`,
);
print(
  `  load timings: insert ${plant.insertSeconds.toFixed(1)} s (${formatCount(plant.events / plant.insertSeconds)} events/s), ` +
    `timelines and buckets ${plant.refreshSeconds.toFixed(1)} s`,
);
const staleHours = (Date.now() - Date.parse(plant.to)) / 3_600_000;
if (staleHours > 1) {
  print(
    `  note: the history ends ${staleHours.toFixed(1)} h ago and no worker moves it on; the live tiles' ` +
      `current-shift OEE reads only what falls after the shift start (--fresh for a current plant)`,
  );
}

const facts = await describeMachine(db);
print("");
print(`machine: ${facts.join("; ")}`);
print(
  `timing ${options.runs} calls per query after ${options.warmup} warm-up calls, one at a time, as a signed-in manager`,
);

const { calls, close } = await prepareDashboardCalls(db, plant, buildBenchPlant(plant.workCenters));
const timings: Timing[] = [];
const loadBefore = loadavg()[0] ?? 0;
for (const entry of calls) {
  const timing = await timeCalls(entry.name, entry.call, {
    warmup: options.warmup,
    runs: options.runs,
    targetMs: entry.targetMs,
  });
  timings.push(timing);
  const { p50, p95 } = summarize(timing.samples);
  print(`  ${entry.name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms — ${timing.detail}`);
}
await close();
print("");
for (const line of formatTimings(timings)) print(line);
print("");
calls.forEach((entry, index) => {
  const timing = timings[index];
  if (!timing) return;
  const p95 = summarize(timing.samples).p95;
  print(
    `${verdictOf(timing)}  ${entry.target}: p95 ${p95.toFixed(1)} ms ${p95 < entry.targetMs ? "<" : "≥"} ${entry.targetMs} ms`,
  );
});
print(
  `(load average ${loadBefore.toFixed(2)} before timing, ${(loadavg()[0] ?? 0).toFixed(2)} after, on ${cpus().length} CPUs)`,
);
await db.close();
process.exit(timings.every((timing) => verdictOf(timing) !== "FAIL") ? 0 : 1);

async function describeMachine(database: typeof db): Promise<string[]> {
  const { rows } = await database.owner.pool.query<{ version: string; settings: string }>(
    `SELECT current_setting('server_version') AS version,
            concat_ws(', ', 'shared_buffers ' || current_setting('shared_buffers'), 'work_mem ' || current_setting('work_mem'),
                      'effective_cache_size ' || current_setting('effective_cache_size'), 'jit ' || current_setting('jit')) AS settings`,
  );
  const cpu = cpus();
  return [
    `${cpu.length} CPUs (${cpu[0]?.model.trim() ?? "unknown"})`,
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM`,
    `Node ${process.version}`,
    `PostgreSQL ${rows[0]?.version ?? "?"} (${rows[0]?.settings ?? ""})`,
  ];
}
