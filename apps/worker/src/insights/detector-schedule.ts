import type { TInsightDetector } from "@gemba/db/insights/detector";
import type { Redis } from "ioredis";

/**
 * When each detector last finished a scheduled pass for a tenant, in Redis: a model trained
 * daily is not retrained every five minutes. Losing the hash (a Redis restart) only means every
 * detector runs once more at the next scan.
 */
const lastRunKey = (tenantId: string) => `gemba-insights:last-run:${tenantId}`;

export async function dueDetectors(
  redis: Redis,
  tenantId: string,
  now: number,
  detectors: readonly TInsightDetector[],
): Promise<TInsightDetector[]> {
  const last = await redis.hgetall(lastRunKey(tenantId));
  return detectors.filter((detector) => {
    const at = Number(last[detector.kind] ?? Number.NaN);
    return !Number.isFinite(at) || now - at >= detector.everyMs;
  });
}

export async function markDetectorsRun(
  redis: Redis,
  tenantId: string,
  now: number,
  kinds: readonly TInsightDetector["kind"][],
): Promise<void> {
  if (kinds.length === 0) return;
  await redis.hset(lastRunKey(tenantId), Object.fromEntries(kinds.map((kind) => [kind, String(now)])));
  await redis.expire(lastRunKey(tenantId), 7 * 24 * 3600);
}
