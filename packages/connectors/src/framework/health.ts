import type { Redis } from "ioredis";
import type { TConnectorStatus } from "./definition";

/**
 * Live health of connectors, kept in Redis because it changes every second and is written by
 * whichever process runs the connector (worker for streams and polls, web app for webhooks).
 * Durable history lives in Postgres (ConnectorRun, DeadLetter).
 */
export const connectorHealthKey = (connectorId: string) => `gemba:connector-health:${connectorId}`;
export const connectorEventsKey = (connectorId: string, epochMinute: number) =>
  `gemba:connector-events:${connectorId}:${epochMinute}`;

const EVENTS_KEY_TTL_SECONDS = 600;
const MAX_ERROR_LENGTH = 500;
/** A streaming connector's runtime re-reports at least this often; older reports mean nobody runs it. */
export const HEALTH_REPORT_INTERVAL_MS = 10_000;
const STALE_AFTER_MS = 3 * HEALTH_REPORT_INTERVAL_MS;

export const epochMinute = (at: Date) => Math.floor(at.getTime() / 60_000);

export type THealthStatus = TConnectorStatus | "idle" | "not running";

export type TConnectorHealth = {
  status: THealthStatus;
  statusDetail: string | null;
  /** When the current status was first reported. */
  statusSince: string | null;
  lastMessageAt: string | null;
  /** Events in the last complete minute. */
  eventsPerMinute: number;
  errorCount: number;
  lastError: string | null;
  lastErrorAt: string | null;
};

/** Counts events (and the time of the last message) for the events/min figure. */
export async function recordConnectorEvents(redis: Redis, connectorId: string, events: number, at = new Date()) {
  const key = connectorEventsKey(connectorId, epochMinute(at));
  await redis
    .multi()
    .hset(connectorHealthKey(connectorId), "lastMessageAt", at.toISOString())
    .incrby(key, events)
    .expire(key, EVENTS_KEY_TTL_SECONDS)
    .exec();
}

/** Counts an error and keeps the last one. Messages are cut short; they never contain secrets (callers' duty). */
export async function recordConnectorError(redis: Redis, connectorId: string, message: string, at = new Date()) {
  await redis
    .multi()
    .hincrby(connectorHealthKey(connectorId), "errorCount", 1)
    .hset(connectorHealthKey(connectorId), {
      lastError: message.slice(0, MAX_ERROR_LENGTH),
      lastErrorAt: at.toISOString(),
    })
    .exec();
}

/** Reports the runtime's current status; called on every change and re-sent periodically as a liveness signal. */
export async function recordConnectorStatus(
  redis: Redis,
  connectorId: string,
  status: TConnectorStatus | "idle",
  detail: string | undefined,
  at = new Date(),
) {
  const key = connectorHealthKey(connectorId);
  const previous = await redis.hmget(key, "status", "statusSince");
  const since = previous[0] === status && previous[1] ? previous[1] : at.toISOString();
  await redis.hset(key, { status, statusDetail: detail ?? "", statusSince: since, reportedAt: at.toISOString() });
}

/** Starts the error count again (after the settings changed). */
export async function resetConnectorErrors(redis: Redis, connectorId: string) {
  await redis.hdel(connectorHealthKey(connectorId), "errorCount", "lastError", "lastErrorAt");
}

export async function clearConnectorStatus(redis: Redis, connectorId: string) {
  await redis.hdel(connectorHealthKey(connectorId), "status", "statusDetail", "statusSince", "reportedAt");
}

/** Health of many connectors in one round trip. `streaming` says which ones must be kept alive by a runtime. */
export async function readConnectorHealth(
  redis: Redis,
  connectors: readonly { id: string; streaming: boolean }[],
  now = new Date(),
): Promise<Map<string, TConnectorHealth>> {
  const lastMinute = epochMinute(now) - 1;
  const pipeline = redis.pipeline();
  for (const connector of connectors) {
    pipeline.hgetall(connectorHealthKey(connector.id));
    pipeline.get(connectorEventsKey(connector.id, lastMinute));
  }
  const replies = connectors.length > 0 ? ((await pipeline.exec()) ?? []) : [];
  const health = new Map<string, TConnectorHealth>();
  connectors.forEach((connector, index) => {
    const hash = (replies[index * 2]?.[1] ?? {}) as Record<string, string>;
    const events = Number(replies[index * 2 + 1]?.[1] ?? 0);
    const reportedAt = hash.reportedAt ? Date.parse(hash.reportedAt) : Number.NaN;
    const fresh = Number.isFinite(reportedAt) && now.getTime() - reportedAt < STALE_AFTER_MS;
    const status: THealthStatus = connector.streaming
      ? fresh
        ? ((hash.status as THealthStatus | undefined) ?? "not running")
        : "not running"
      : ((hash.status as THealthStatus | undefined) ?? "idle");
    health.set(connector.id, {
      status,
      statusDetail: status === "not running" ? null : hash.statusDetail || null,
      statusSince: status === "not running" ? null : (hash.statusSince ?? null),
      lastMessageAt: hash.lastMessageAt ?? null,
      eventsPerMinute: Number.isFinite(events) ? events : 0,
      errorCount: Number(hash.errorCount ?? 0),
      lastError: hash.lastError ?? null,
      lastErrorAt: hash.lastErrorAt ?? null,
    });
  });
  return health;
}
