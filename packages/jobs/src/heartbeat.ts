import { DEFAULT_QUEUE_PREFIX } from "./constants";

/** The worker refreshes this key; /api/health reads it to tell whether a worker is alive. */
export function workerHeartbeatKey(prefix: string = DEFAULT_QUEUE_PREFIX): string {
  return `${prefix}:worker:heartbeat`;
}

export const WORKER_HEARTBEAT_INTERVAL_SECONDS = 10;
export const WORKER_HEARTBEAT_TTL_SECONDS = 30;
