/** The worker refreshes this key; /api/health reads it to tell whether a worker is alive. */
export const WORKER_HEARTBEAT_KEY = "gemba:worker:heartbeat";
export const WORKER_HEARTBEAT_INTERVAL_SECONDS = 10;
export const WORKER_HEARTBEAT_TTL_SECONDS = 30;
