import { loadConnector } from "@gemba/connectors/framework/load-connector";
import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { z } from "zod";
import { type ConnectorActor, findConnectorOrThrow } from "./connector-actor";

export const ZListDeadLettersInput = z.object({
  connectorId: z.uuid().optional(),
  status: z.enum(["open", "all"]).default("open"),
  /** Id of the last letter of the previous page (newest first). */
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.int().min(1).max(200).default(50),
});

const PAYLOAD_PREVIEW_CHARS = 4_000;

/** Input that could not become events, newest first, with the reason and the payload as received. */
export async function listDeadLetters(actor: ConnectorActor, input: z.infer<typeof ZListDeadLettersInput>) {
  if (input.connectorId) await findConnectorOrThrow(actor, input.connectorId);
  const letters = await actor.tx.deadLetter.findMany({
    where: {
      ...(input.connectorId ? { connectorId: input.connectorId } : {}),
      ...(input.status === "open" ? { resolvedAt: null } : {}),
      ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
    },
    orderBy: { id: "desc" },
    take: input.limit,
    include: { connector: { select: { name: true } } },
  });
  return {
    letters: letters.map((letter) => {
      const text = JSON.stringify(letter.payload);
      return {
        id: letter.id.toString(),
        connectorId: letter.connectorId,
        connectorName: letter.connector?.name ?? null,
        sourceId: letter.sourceId,
        stage: letter.stage,
        reason: letter.reason,
        payloadPreview: text.length > PAYLOAD_PREVIEW_CHARS ? `${text.slice(0, PAYLOAD_PREVIEW_CHARS)}…` : text,
        receivedAt: letter.receivedAt,
        retriedAt: letter.retriedAt,
        resolvedAt: letter.resolvedAt,
      };
    }),
    nextCursor: letters.length === input.limit ? letters.at(-1)?.id.toString() : undefined,
  };
}

export const ZDeadLetterIdsInput = z.object({
  deadLetterIds: z.array(z.string().regex(/^\d+$/)).min(1).max(500),
});

/**
 * Sends dead letters through ingest again, after the admin fixed what was wrong. Connectors that
 * can re-map their raw input (`replay`) do so with the current configuration; other letters are
 * resubmitted as stored. A letter that fails again comes back as a new dead letter with the new
 * reason; this one is marked retried and resolved.
 */
export async function retryDeadLetters(actor: ConnectorActor, input: z.infer<typeof ZDeadLetterIdsInput>) {
  const { tx, tenantId } = actor;
  const letters = await tx.deadLetter.findMany({
    where: { id: { in: input.deadLetterIds.map((id) => BigInt(id)) }, resolvedAt: null },
    orderBy: { id: "asc" },
  });
  if (letters.length === 0)
    throw new AppError("NOT_FOUND", "These dead letters were already retried or no longer exist.");

  const bySource = new Map<string, typeof letters>();
  for (const letter of letters) {
    const key = `${letter.connectorId ?? ""}|${letter.sourceId}`;
    bySource.set(key, [...(bySource.get(key) ?? []), letter]);
  }
  for (const group of bySource.values()) {
    const first = group[0];
    if (!first) continue;
    const loaded = first.connectorId
      ? await loadConnector(tx, actor.platform.secretsKey, { tenantId, connectorId: first.connectorId })
      : null;
    const replay = loaded?.definition.replay;
    const items: unknown[] = [];
    const rejected: { stage: "decode" | "mapping" | "validation"; reason: string; payload: unknown }[] = [];
    for (const letter of group) {
      if (replay && loaded) {
        const mapped = replay(loaded.context, letter.payload, { receivedAt: letter.receivedAt });
        items.push(...mapped.items);
        rejected.push(...mapped.rejected);
      } else items.push(letter.payload);
    }
    try {
      await enqueueIngestBatch(
        actor.platform.queues,
        { tenantId, connectorId: first.connectorId, sourceId: first.sourceId, items, rejected },
        { batchId: `retry-${tenantId}-${first.id}-${Date.now()}` },
      );
    } catch (error) {
      throw new AppError("UNAVAILABLE", "The job queue (Redis) is not reachable; try again in a moment.", {
        cause: error,
      });
    }
  }
  const now = new Date();
  await tx.deadLetter.updateMany({
    where: { id: { in: letters.map((letter) => letter.id) } },
    data: { retriedAt: now, resolvedAt: now },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "dead_letter.retry",
    entityType: "DeadLetter",
    entityId: letters.map((letter) => letter.id.toString()).join(","),
    summary: `Retried ${letters.length} dead letter${letters.length === 1 ? "" : "s"}`,
  });
  return { retried: letters.length };
}

/** Marks dead letters as dealt with without retrying them (e.g. test messages, decommissioned machines). */
export async function dismissDeadLetters(actor: ConnectorActor, input: z.infer<typeof ZDeadLetterIdsInput>) {
  const { count } = await actor.tx.deadLetter.updateMany({
    where: { id: { in: input.deadLetterIds.map((id) => BigInt(id)) }, resolvedAt: null },
    data: { resolvedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "These dead letters were already handled or no longer exist.");
  await recordAudit(actor.tx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: "dead_letter.dismiss",
    entityType: "DeadLetter",
    entityId: input.deadLetterIds.join(","),
    summary: `Dismissed ${count} dead letter${count === 1 ? "" : "s"}`,
  });
  return { dismissed: count };
}
