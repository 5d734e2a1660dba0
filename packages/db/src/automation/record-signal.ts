import {
  automationSignalPayloads,
  type TAutomationSignalKind,
  type TAutomationSignalPayload,
} from "@gemba/domain/automation/signals";
import type pg from "pg";
import type { Tx } from "../tenant-scope";

/**
 * Writes a signal to the automation outbox inside the caller's tenant transaction, so the
 * trigger exists exactly when its cause does. The same key twice is one signal. Returns the new
 * signal's id (to wake the engine after commit), or null when the key was already there.
 */
export async function recordAutomationSignal<K extends TAutomationSignalKind>(
  tx: Tx,
  signal: { tenantId: string; kind: K; key: string; payload: TAutomationSignalPayload<K>; occurredAt: Date },
): Promise<string | null> {
  const payload = automationSignalPayloads[signal.kind].parse(signal.payload);
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "AutomationSignal" ("tenantId", "kind", "key", "payload", "occurredAt")
    VALUES (${signal.tenantId}::uuid, ${signal.kind}, ${signal.key}, ${JSON.stringify(payload)}::jsonb, ${signal.occurredAt})
    ON CONFLICT ("tenantId", "key") DO NOTHING
    RETURNING "id"`;
  return rows[0] ? rows[0].id.toString() : null;
}

/**
 * The same for raw-SQL callers on the pg pool (ingest stores events with `withTenantClient`): the
 * client must be inside that tenant transaction.
 */
export async function recordAutomationSignalWithClient<K extends TAutomationSignalKind>(
  client: pg.ClientBase,
  signal: { tenantId: string; kind: K; key: string; payload: TAutomationSignalPayload<K>; occurredAt: Date },
): Promise<string | null> {
  const payload = automationSignalPayloads[signal.kind].parse(signal.payload);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "AutomationSignal" ("tenantId", "kind", "key", "payload", "occurredAt")
     VALUES ($1::uuid, $2, $3, $4::jsonb, $5)
     ON CONFLICT ("tenantId", "key") DO NOTHING
     RETURNING "id"::text AS id`,
    [signal.tenantId, signal.kind, signal.key, JSON.stringify(payload), signal.occurredAt],
  );
  return rows[0]?.id ?? null;
}
