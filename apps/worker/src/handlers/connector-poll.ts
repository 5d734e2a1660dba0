import { recordConnectorError, recordConnectorEvents, recordConnectorStatus } from "@gemba/connectors/framework/health";
import { loadConnector } from "@gemba/connectors/framework/load-connector";
import type { Prisma } from "@gemba/db/client";
import { withTenant } from "@gemba/db/tenant-scope";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import type { JobHandler } from "./types";

/** Longest a single poll may take before it is abandoned (and recorded as failed). */
const POLL_TIMEOUT_MS = 5 * 60_000;
const INGEST_CHUNK = 5_000;
const lockKey = (connectorId: string) => `gemba:connector-poll-lock:${connectorId}`;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One poll of a polled connector, recorded as a ConnectorRun. What it read goes onto the ingest
 * queue first and the cursor moves only afterwards: a crash in between repeats the poll, and
 * dedupe keys make the repeat store nothing twice. Polls of one connector never overlap.
 */
export const connectorPoll: JobHandler<"connector.poll"> = async (
  payload,
  { db, publisher, queues, secretsKey, jobId, log },
) => {
  const { tenantId, connectorId, trigger } = payload;
  const locked = await publisher.set(lockKey(connectorId), jobId, "PX", POLL_TIMEOUT_MS + 60_000, "NX");
  if (locked !== "OK") return { skipped: "the previous poll of this connector is still running" };
  try {
    let loaded: Awaited<ReturnType<typeof loadConnector>>;
    try {
      if (!secretsKey) throw new Error("SECRETS_KEY is not set: the worker cannot open connector secrets.");
      loaded = await withTenant(db.prisma, tenantId, (tx) => loadConnector(tx, secretsKey, { tenantId, connectorId }));
    } catch (error) {
      // A configuration that cannot be loaded is the admin's to fix: show it on the connector, do not retry.
      await recordConnectorError(publisher, connectorId, errorText(error));
      return { failed: errorText(error) };
    }
    const poll = loaded?.definition.poll;
    if (!loaded || !poll) return { skipped: "connector deleted or not polled" };
    if (!loaded.enabled && trigger === "schedule") return { skipped: "connector paused" };

    const run = await withTenant(db.prisma, tenantId, (tx) =>
      tx.connectorRun.create({ data: { tenantId, connectorId, trigger }, select: { id: true } }),
    );
    const finish = (data: Prisma.ConnectorRunUpdateInput, cursor?: unknown) =>
      withTenant(db.prisma, tenantId, async (tx) => {
        await tx.connectorRun.update({
          where: { tenantId_id: { tenantId, id: run.id } },
          data: { ...data, finishedAt: new Date() },
        });
        if (cursor !== undefined) {
          // Raw update: moving the cursor must not bump updatedAt, which the supervisor reads as "config changed".
          await tx.$executeRaw`UPDATE "Connector" SET "cursor" = ${JSON.stringify(cursor)}::jsonb WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${connectorId}::uuid`;
        }
      });

    await recordConnectorStatus(
      publisher,
      connectorId,
      "connecting",
      trigger === "manual" ? "sync requested" : "polling",
    );
    try {
      const result = await poll.run({
        ...loaded.context,
        cursor: loaded.cursor ?? null,
        signal: AbortSignal.timeout(POLL_TIMEOUT_MS),
        inTenant: (work) => withTenant(db.prisma, tenantId, work),
      });
      const items = [...result.events];
      for (let chunk = 0; chunk * INGEST_CHUNK < Math.max(items.length, result.rejected.length); chunk += 1) {
        await enqueueIngestBatch(
          queues,
          {
            tenantId,
            connectorId,
            sourceId: connectorId,
            items: items.slice(chunk * INGEST_CHUNK, (chunk + 1) * INGEST_CHUNK),
            rejected: result.rejected.slice(chunk * INGEST_CHUNK, (chunk + 1) * INGEST_CHUNK),
          },
          { batchId: `connector-run-${tenantId}-${run.id}-${chunk}` },
        );
      }
      await finish(
        {
          status: "SUCCEEDED",
          counts: { rejected: result.rejected.length, ...result.counts },
          message: result.message,
        },
        result.cursor,
      );
      if (items.length > 0) await recordConnectorEvents(publisher, connectorId, items.length);
      await recordConnectorStatus(publisher, connectorId, "idle", result.message);
      return { runId: String(run.id), events: items.length, rejected: result.rejected.length };
    } catch (error) {
      const message = errorText(error);
      await finish({ status: "FAILED", message });
      await recordConnectorError(publisher, connectorId, message);
      await recordConnectorStatus(publisher, connectorId, "idle", `last poll failed: ${message}`);
      log.warn({ connectorId, err: error }, "connector poll failed");
      return { runId: String(run.id), failed: message };
    }
  } finally {
    // Release only our own lock: a poll that outlived it must not free a newer poll's lock.
    const holder = await publisher.get(lockKey(connectorId));
    if (holder === jobId) await publisher.del(lockKey(connectorId));
  }
};
