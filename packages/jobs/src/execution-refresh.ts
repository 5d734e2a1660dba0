import type { Redis } from "ioredis";
import { jobCatalog, parseJobPayload } from "./catalog";
import type { QueueSet } from "./queue";

/**
 * Ingest marks what changed per work center (the earliest and latest event time) in Redis and asks
 * for one refresh job; BullMQ deduplication keeps at most one waiting and one running job per work
 * center, and the running one takes the whole dirty span at once. So a burst of batches costs one
 * re-derivation, and nothing marked is ever skipped: a mark made while a refresh runs gets the next one.
 */
export const executionDirtyKey = (workCenterId: string) => `gemba:execution-dirty:${workCenterId}`;

/** Widens the stored span atomically: two writers never lose each other's edges. */
const MARK_DIRTY = `
local from = tonumber(ARGV[1])
local to = tonumber(ARGV[2])
local current = redis.call('HMGET', KEYS[1], 'from', 'to')
if current[1] and tonumber(current[1]) < from then from = tonumber(current[1]) end
if current[2] and tonumber(current[2]) > to then to = tonumber(current[2]) end
redis.call('HSET', KEYS[1], 'from', from, 'to', to)
redis.call('EXPIRE', KEYS[1], 86400)
return 1`;

const TAKE_DIRTY = `
local current = redis.call('HMGET', KEYS[1], 'from', 'to')
redis.call('DEL', KEYS[1])
return current`;

/**
 * Short: enough to gather the batches of one burst (connectors flush every 100 ms), small against
 * the 1 s ingest → browser budget that `pnpm bench:live` measures.
 */
const COALESCE_MS = 100;

export async function requestExecutionRefresh(
  queues: QueueSet,
  redis: Redis,
  change: { tenantId: string; workCenterId: string; from: number; to: number },
): Promise<void> {
  await redis.eval(MARK_DIRTY, 1, executionDirtyKey(change.workCenterId), change.from, change.to);
  const data = parseJobPayload("execution.refresh", { tenantId: change.tenantId, workCenterId: change.workCenterId });
  const entry = jobCatalog["execution.refresh"];
  await queues.get(entry.queue).add("execution.refresh", data, {
    ...entry.jobOptions,
    delay: COALESCE_MS,
    deduplication: { id: `execution-refresh:${change.workCenterId}`, keepLastIfActive: true },
  });
}

/** The span to refresh, removed from Redis; null when another run already took it. */
export async function takeDirtySpan(redis: Redis, workCenterId: string): Promise<{ from: number; to: number } | null> {
  const [from, to] = (await redis.eval(TAKE_DIRTY, 1, executionDirtyKey(workCenterId))) as [
    string | null,
    string | null,
  ];
  if (from === null || to === null) return null;
  return { from: Number(from), to: Number(to) };
}
