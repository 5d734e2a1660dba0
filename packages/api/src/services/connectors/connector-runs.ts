import { connectorDefinition } from "@gemba/connectors/framework/registry";
import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { enqueue } from "@gemba/jobs/queue";
import { z } from "zod";
import { type ConnectorActor, findConnectorOrThrow } from "./connector-actor";

export const ZListRunsInput = z.object({ connectorId: z.uuid(), limit: z.int().min(1).max(200).default(50) });

/** Newest runs first: when it ran, what triggered it, what it read and changed. */
export async function listConnectorRuns(actor: ConnectorActor, input: z.infer<typeof ZListRunsInput>) {
  await findConnectorOrThrow(actor, input.connectorId);
  const runs = await actor.tx.connectorRun.findMany({
    where: { connectorId: input.connectorId },
    orderBy: { startedAt: "desc" },
    take: input.limit,
  });
  return runs.map((run) => ({ ...run, id: run.id.toString(), counts: run.counts as Record<string, number> }));
}

export const ZSyncNowInput = z.object({ connectorId: z.uuid() });

/** "Sync now": one poll outside the schedule (it waits if a poll is already running). */
export async function syncConnectorNow(actor: ConnectorActor, input: z.infer<typeof ZSyncNowInput>) {
  const connector = await findConnectorOrThrow(actor, input.connectorId);
  if (!connectorDefinition(connector.kind).poll) {
    throw new AppError("BAD_REQUEST", "This connector receives data as it happens; there is nothing to sync.");
  }
  await recordAudit(actor.tx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: "connector.sync",
    entityType: "Connector",
    entityId: connector.id,
    summary: `Requested a sync of "${connector.name}"`,
  });
  try {
    await enqueue(
      actor.platform.queues,
      "connector.poll",
      { tenantId: actor.tenantId, connectorId: connector.id, trigger: "manual" },
      { jobId: `manual-${connector.id}-${Date.now()}` },
    );
  } catch (error) {
    throw new AppError("UNAVAILABLE", "The job queue (Redis) is not reachable; try again in a moment.", {
      cause: error,
    });
  }
  return { queued: true };
}
