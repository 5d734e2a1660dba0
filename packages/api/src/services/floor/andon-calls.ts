import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import { MS_PER_DAY, MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";
import { AppError } from "@gemba/domain/errors";
import { parseCanonicalEvent } from "@gemba/domain/events/parse-event";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import type { PlatformServices } from "../../platform";
import type { TenantActor } from "../scope";
import type { TCallAndonInput } from "./floor-inputs";

/** The tablet's events carry this source id; with the tablet's key as dedupe key a re-send is one event. */
export const FLOOR_SOURCE_ID = "floor";
/** How long the tablet keeps showing the latest andon call of a work center. */
export const ANDON_SHOWN_FOR_MS = 8 * MS_PER_HOUR;
/** A call queued offline for longer than this is stale: the operator is asked to call again. */
const OLDEST_ANDON_MS = MS_PER_DAY;

export type TAndonCall = { calledAt: Date; note: string | null };
export type TAndonResult = TAndonCall & { replayed: boolean };

/**
 * The operator pulls the andon at a work center. Stored as an `operator.activity` event
 * (ANDON_CALLED) through the ingest queue, exactly like a connector's batch: the worker stores it
 * once (source "floor", dedupe key = the tablet's key), publishes it live, re-derives the work
 * center and hands it to the rules that turn an andon into tasks. Enqueued inside the transaction,
 * not after it: if Redis is down the call fails and the tablet keeps it queued, rather than
 * reporting "sent" for a call that went nowhere. A replay is audited once and enqueued again
 * (harmless: the job id and the event's dedupe key both hold), so a lost job is recovered too.
 */
export async function callAndon(
  actor: TenantActor & { platform: PlatformServices | undefined },
  input: TCallAndonInput,
  now = Date.now(),
): Promise<TAndonResult> {
  const { tx, tenantId } = actor;
  const workCenter = await tx.workCenter.findFirst({
    where: { id: input.workCenterId },
    select: { id: true, code: true },
  });
  if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant. Pick it again.");
  const platform = actor.platform;
  if (!platform) throw new AppError("UNAVAILABLE", "The andon cannot be sent right now. Try again in a moment.");

  // One key at a time: two sends of the same call racing each other audit it once.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:andon:${input.idempotencyKey}`}, 0))`;
  const earlier = await findAuditedCall(tx, workCenter.id, input.idempotencyKey);
  const call = earlier ?? { calledAt: callTime(input.calledAt, now), note: input.note || null };

  const item = {
    kind: "operator.activity",
    workCenterId: workCenter.id,
    eventTime: call.calledAt.toISOString(),
    dedupeKey: input.idempotencyKey,
    payload: { type: "ANDON_CALLED", ...(call.note ? { note: call.note } : {}) },
  };
  // Checked here with the worker's own parser, so a bad call is refused to the tablet, not dead-lettered.
  const parsed = parseCanonicalEvent(item, { sourceId: FLOOR_SOURCE_ID });
  if (!parsed.ok) throw new AppError("BAD_REQUEST", `This andon call cannot be stored: ${parsed.reason}`);

  if (!earlier) {
    await recordAudit(tx, {
      tenantId,
      actorId: actor.userId,
      action: "floor.andon",
      entityType: "WorkCenter",
      entityId: workCenter.id,
      summary: `Called the andon at ${workCenter.code}${call.note ? `: ${call.note.slice(0, 200)}` : ""}`,
      after: { idempotencyKey: input.idempotencyKey, calledAt: call.calledAt.toISOString(), note: call.note },
    });
  }
  await enqueueIngestBatch(
    platform.queues,
    { tenantId, connectorId: null, sourceId: FLOOR_SOURCE_ID, items: [item] },
    { batchId: `andon-${input.idempotencyKey}` },
  );
  return { ...call, replayed: earlier !== null };
}

/** When the operator pressed it, as the tablet says; a tablet clock ahead of the server's is cut to now. */
function callTime(calledAt: string | undefined, now: number): Date {
  if (!calledAt) return new Date(now);
  const time = Date.parse(calledAt);
  if (time < now - OLDEST_ANDON_MS) {
    throw new AppError(
      "BAD_REQUEST",
      "This andon call waited more than a day to be sent, so it was not raised. Call again if you still need help.",
    );
  }
  return new Date(Math.min(time, now));
}

async function findAuditedCall(tx: Tx, workCenterId: string, idempotencyKey: string): Promise<TAndonCall | null> {
  const entry = await tx.auditEntry.findFirst({
    where: {
      entityType: "WorkCenter",
      entityId: workCenterId,
      action: "floor.andon",
      after: { path: ["idempotencyKey"], equals: idempotencyKey },
    },
    select: { after: true },
  });
  const after = entry?.after as { calledAt?: string; note?: string | null } | null | undefined;
  if (!after?.calledAt) return null;
  return { calledAt: new Date(after.calledAt), note: after.note ?? null };
}

/** The latest andon call stored for the work center in the last hours, whatever sent it (tablet or a connector). */
export async function findLastAndon(tx: Tx, workCenterId: string, now: number): Promise<TAndonCall | null> {
  const event = await tx.event.findFirst({
    where: {
      workCenterId,
      kind: "operator.activity",
      eventTime: { gte: new Date(now - ANDON_SHOWN_FOR_MS) },
      payload: { path: ["type"], equals: "ANDON_CALLED" },
    },
    orderBy: { eventTime: "desc" },
    select: { eventTime: true, payload: true },
  });
  if (!event) return null;
  const note = (event.payload as { note?: unknown }).note;
  return { calledAt: event.eventTime, note: typeof note === "string" ? note : null };
}
