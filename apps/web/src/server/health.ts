import "server-only";
import { WORKER_HEARTBEAT_TTL_SECONDS, workerHeartbeatKey } from "@gemba/jobs/heartbeat";
import { database } from "./db";
import { redis } from "./redis";

type Check = { ok: boolean; latencyMs: number; error?: string };

const TIMEOUT_MS = 2_000;

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export async function checkHealth() {
  const [db, cache] = await Promise.all([timed(() => database().pool.query("SELECT 1")), timed(() => redis().ping())]);
  // The worker is reported but does not fail the check: the web app serves without it.
  let worker: { alive: boolean; lastBeatAt: string | null } = { alive: false, lastBeatAt: null };
  if (cache.ok) {
    const beat = await redis()
      .get(workerHeartbeatKey())
      .catch(() => null);
    worker = { alive: beat !== null, lastBeatAt: beat };
  }
  return {
    status: db.ok && cache.ok ? "ok" : "degraded",
    checks: { database: db, redis: cache },
    worker: { ...worker, staleAfterSeconds: WORKER_HEARTBEAT_TTL_SECONDS },
    time: new Date().toISOString(),
  };
}
