import { clearConnectorStatus, recordConnectorError } from "@gemba/connectors/framework/health";
import { loadConnector } from "@gemba/connectors/framework/load-connector";
import { connectorDefinition, isConnectorKind, runtimeOf } from "@gemba/connectors/framework/registry";
import type { Database } from "@gemba/db/client";
import { withTenant } from "@gemba/db/tenant-scope";
import { CONNECTORS_CHANGED_CHANNEL } from "@gemba/jobs/connector-events";
import { type QueueSet, scheduleConnectorPoll, unscheduleConnectorPoll } from "@gemba/jobs/queue";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { startStreamingHost, type TStreamingHost } from "./streaming-host";

export type TSupervisorOptions = {
  db: Database;
  /** Non-blocking connection (health writes, leases); a duplicate of it subscribes to change notices. */
  redis: Redis;
  queues: QueueSet;
  secretsKey: Buffer | null;
  log: Logger;
  /** Full reconciliation this often, besides the immediate one on every change notice. */
  reconcileEveryMs?: number;
  /** Module exporting `connectorDefinition(kind)` for the threads; tests substitute their own. */
  definitionsModule?: string;
  restartDelayMs?: number;
};

type TDirectoryRow = { tenantId: string; id: string; kind: string; enabled: boolean; updatedAt: Date };
type TRunning = { host: TStreamingHost; updatedAt: number; tenantId: string };

const DEFAULT_DEFINITIONS = "@gemba/connectors/framework/registry";
const LEASE_MS = 30_000;
/** A connector that could not be started (bad config, undecryptable secrets) is retried this often, or at once when edited. */
const RETRY_FAILED_START_MS = 60_000;
const leaseKey = (connectorId: string) => `gemba:connector-lease:${connectorId}`;

/**
 * Makes the running connectors match the configured ones: starts a thread for every enabled
 * streaming connector, keeps one poll schedule per enabled polled connector, and stops or
 * unschedules what was paused, changed or deleted. A Redis lease per streaming connector keeps
 * a second worker process from opening the same connection twice.
 */
export function startConnectorSupervisor(options: TSupervisorOptions) {
  const { db, redis, queues, log } = options;
  const instanceId = `${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
  const running = new Map<string, TRunning>();
  const scheduled = new Map<string, number>();
  const failedStarts = new Map<string, { version: number; at: number }>();
  let stopped = false;
  let pass: Promise<void> = Promise.resolve();

  const directory = async (): Promise<TDirectoryRow[]> => {
    const { rows } = await db.pool.query<TDirectoryRow>(
      `SELECT "tenantId", "id", "kind"::text AS kind, "enabled", "updatedAt" FROM gemba_connector_directory()`,
    );
    return rows;
  };

  const takeLease = async (connectorId: string) =>
    (await redis.set(leaseKey(connectorId), instanceId, "PX", LEASE_MS, "NX")) === "OK" ||
    (await redis.get(leaseKey(connectorId))) === instanceId;

  const stopStream = async (connectorId: string) => {
    const entry = running.get(connectorId);
    if (!entry) return;
    running.delete(connectorId);
    await entry.host.stop();
    if ((await redis.get(leaseKey(connectorId))) === instanceId) await redis.del(leaseKey(connectorId));
  };

  const startStream = async (row: TDirectoryRow) => {
    if (!options.secretsKey) throw new Error("SECRETS_KEY is not set: the worker cannot open connector secrets.");
    const secretsKey = options.secretsKey;
    const loaded = await withTenant(db.prisma, row.tenantId, (tx) =>
      loadConnector(tx, secretsKey, { tenantId: row.tenantId, connectorId: row.id }),
    );
    if (!loaded) return;
    const host = startStreamingHost({
      kind: row.kind,
      context: loaded.context,
      queues,
      redis,
      log,
      definitionsModule: options.definitionsModule ?? DEFAULT_DEFINITIONS,
      ...(options.restartDelayMs === undefined ? {} : { restartDelayMs: options.restartDelayMs }),
    });
    running.set(row.id, { host, updatedAt: row.updatedAt.getTime(), tenantId: row.tenantId });
  };

  const schedulePoll = async (row: TDirectoryRow) => {
    if (!options.secretsKey) throw new Error("SECRETS_KEY is not set: the worker cannot open connector secrets.");
    const secretsKey = options.secretsKey;
    const loaded = await withTenant(db.prisma, row.tenantId, (tx) =>
      loadConnector(tx, secretsKey, { tenantId: row.tenantId, connectorId: row.id }),
    );
    const poll = loaded?.definition.poll;
    if (!loaded || !poll) return;
    await scheduleConnectorPoll(
      queues,
      { tenantId: row.tenantId, connectorId: row.id },
      poll.intervalMs(loaded.context.config),
    );
    scheduled.set(row.id, row.updatedAt.getTime());
  };

  const reconcileOne = async (row: TDirectoryRow) => {
    if (!isConnectorKind(row.kind)) return;
    const runtime = runtimeOf(connectorDefinition(row.kind));
    const version = row.updatedAt.getTime();
    if (runtime === "stream") {
      const current = running.get(row.id);
      if (!row.enabled) return stopStream(row.id);
      if (current && current.updatedAt === version) {
        await redis.pexpire(leaseKey(row.id), LEASE_MS);
        return;
      }
      if (current) await stopStream(row.id);
      if (await takeLease(row.id)) await startStream(row);
    } else if (runtime === "poll") {
      if (!row.enabled) {
        // Negative version: unscheduled at this version (a schedule may survive from an earlier process).
        if (scheduled.get(row.id) !== -version) await unscheduleConnectorPoll(queues, row.id);
        scheduled.set(row.id, -version);
        return;
      }
      if (scheduled.get(row.id) !== version) await schedulePoll(row);
    }
  };

  const reconcile = async () => {
    const rows = await directory();
    const present = new Set(rows.map((row) => row.id));
    for (const row of rows) {
      const failed = failedStarts.get(row.id);
      const version = row.updatedAt.getTime();
      if (failed?.version === version && Date.now() - failed.at < RETRY_FAILED_START_MS) continue;
      try {
        await reconcileOne(row);
        failedStarts.delete(row.id);
      } catch (error) {
        failedStarts.set(row.id, { version, at: Date.now() });
        const message = error instanceof Error ? error.message : String(error);
        log.warn({ connectorId: row.id, err: error }, "connector could not be started");
        await recordConnectorError(redis, row.id, message).catch(() => undefined);
      }
    }
    for (const connectorId of [...running.keys()]) if (!present.has(connectorId)) await stopStream(connectorId);
    for (const connectorId of [...scheduled.keys()]) {
      if (present.has(connectorId)) continue;
      scheduled.delete(connectorId);
      await unscheduleConnectorPoll(queues, connectorId);
      await clearConnectorStatus(redis, connectorId);
    }
  };

  /** Passes never overlap: a change notice during a pass queues one more pass. */
  const requestPass = () => {
    pass = pass
      .then(() => (stopped ? undefined : reconcile()))
      .catch((error: unknown) => log.warn({ err: error }, "connector reconciliation failed"));
    return pass;
  };

  const subscriber = redis.duplicate();
  subscriber.on("error", (error) => log.warn({ err: error }, "connector change subscription problem"));
  subscriber.on("message", () => void requestPass());
  const subscribed = subscriber.subscribe(CONNECTORS_CHANGED_CHANNEL).catch((error: unknown) => {
    log.warn({ err: error }, "not subscribed to connector changes; relying on periodic checks");
  });
  const timer = setInterval(() => void requestPass(), options.reconcileEveryMs ?? 10_000);

  return {
    /** Resolves after the first full pass (and the change subscription) are done. */
    ready: Promise.all([subscribed, requestPass()]).then(() => undefined),
    reconcileNow: requestPass,
    runningCount: () => running.size,
    host: (connectorId: string) => running.get(connectorId)?.host,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await pass;
      subscriber.disconnect();
      await Promise.all([...running.keys()].map((connectorId) => stopStream(connectorId)));
    },
  };
}

export type TConnectorSupervisor = ReturnType<typeof startConnectorSupervisor>;
