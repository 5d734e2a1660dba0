import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import type { TenantActor } from "../scope";

/** How many problem triggers the runs page lists; more means something systematic that the first ones explain. */
const SHOWN = 50;

const KIND_WORDS: Record<string, string> = {
  events: "Machine events",
  "checklist.failed": "A failed checklist",
  "insight.created": "A new insight",
};

/**
 * Triggers the engine could not evaluate (a rule whose stored definition no longer fits, the
 * database refusing a write): still retrying, or set aside after too many attempts. Without this
 * list a plant would never learn that a trigger did nothing.
 */
export async function listStuckSignals(tx: Tx) {
  const rows = await tx.automationSignal.findMany({
    where: { lastError: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SHOWN,
    select: { id: true, kind: true, occurredAt: true, attempts: true, lastError: true, processedAt: true },
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    what: KIND_WORDS[row.kind] ?? row.kind,
    occurredAt: row.occurredAt,
    attempts: row.attempts,
    lastError: row.lastError ?? "",
    /** Set aside: the engine stopped retrying it; only "Retry" brings it back. */
    givenUp: row.processedAt !== null,
  }));
}

/**
 * Hands a problem trigger back to the engine with a fresh round of attempts. The worker's sweep
 * picks it up within seconds (no job is needed: the signal row is the work).
 */
export async function retryStuckSignal(actor: TenantActor, input: { signalId: string }) {
  const { tx, tenantId } = actor;
  const id = BigInt(input.signalId);
  const signal = await tx.automationSignal.findFirst({
    where: { id },
    select: { id: true, kind: true, attempts: true, lastError: true, processedAt: true },
  });
  if (!signal) throw new AppError("NOT_FOUND", "This trigger does not exist any more. Reload the list.");
  if (signal.lastError === null) {
    throw new AppError("CONFLICT", "This trigger was processed without a problem; there is nothing to retry.");
  }
  await tx.automationSignal.update({
    where: { tenantId_id: { tenantId, id } },
    data: { processedAt: null, attempts: 0, lastError: null },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "automation_signal.retry",
    entityType: "AutomationSignal",
    entityId: input.signalId,
    summary: `Retried a trigger (${KIND_WORDS[signal.kind] ?? signal.kind}) after ${signal.attempts} attempts`,
    before: { attempts: signal.attempts, lastError: signal.lastError, setAside: signal.processedAt !== null },
    after: { attempts: 0 },
  });
  return { id: input.signalId };
}
