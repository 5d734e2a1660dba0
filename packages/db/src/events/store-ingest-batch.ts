import { parseCanonicalEvent } from "@gemba/domain/events/parse-event";
import type pg from "pg";
import { eventInterestOf, eventInterests, loadEnabledRulesCached } from "../automation/load-rules";
import { recordAutomationSignalWithClient } from "../automation/record-signal";
import { withTenantClient } from "../tenant-scope";
import { type EventInsertRow, type InsertedEvent, insertEventsReturningNew } from "./insert-events";

export type IngestBatch = {
  tenantId: string;
  connectorId: string | null;
  sourceId: string;
  /** Stable id of this batch (the queue job id): a re-run stores nothing twice. */
  batchId: string;
  items: readonly unknown[];
  /** Input the connector already rejected; dead-lettered after the items, positions following theirs. */
  rejected?: readonly { stage: "decode" | "mapping" | "validation"; reason: string; payload: unknown }[];
};

export type IngestOutcome = {
  received: number;
  /** Events stored by this run; duplicates of earlier deliveries are not in here. */
  inserted: InsertedEvent[];
  duplicates: number;
  deadLettered: number;
  /** The automation signal this batch wrote (wake the engine after commit), null when no rule listens. */
  automationSignalId: string | null;
};

type Rejected = { position: number; stage: "decode" | "validation" | "mapping"; reason: string; payload: unknown };

const DEAD_LETTER_SQL = `
INSERT INTO "DeadLetter" ("tenantId", "connectorId", "sourceId", "batchId", "position", "stage", "reason", "payload")
SELECT $1::uuid, $2::uuid, $3, $4, * FROM unnest($5::int[], $6::text[], $7::text[], $8::jsonb[])
ON CONFLICT ("tenantId", "sourceId", "batchId", "position") DO NOTHING`;

/**
 * Validates a batch of raw items, stores the valid events and dead-letters the rest, in one
 * transaction of the batch's tenant. A bad item never costs the good ones their place, and a
 * batch that is run again (a worker died after committing) stores nothing twice: events are
 * unique by source and dedupe key, dead letters by batch and position.
 */
export async function storeIngestBatch(pool: pg.Pool, batch: IngestBatch): Promise<IngestOutcome> {
  const valid: (EventInsertRow & { position: number })[] = [];
  const rejected: Rejected[] = [];
  batch.items.forEach((raw, position) => {
    const parsed = parseCanonicalEvent(raw, { sourceId: batch.sourceId });
    if (parsed.ok) valid.push({ ...parsed.event, position });
    else rejected.push({ position, stage: "validation", reason: parsed.reason, payload: raw });
  });
  for (const [index, input] of (batch.rejected ?? []).entries()) {
    rejected.push({ ...input, position: batch.items.length + index });
  }

  return withTenantClient(pool, batch.tenantId, async (client) => {
    const known = await knownWorkCenters(client, valid);
    const storable = valid.filter((event) => {
      if (event.workCenterId === null || known.has(event.workCenterId)) return true;
      rejected.push({
        position: event.position,
        stage: "mapping",
        reason: `unknown work center ${event.workCenterId}: map the source to a work center of this plant, then retry`,
        payload: batch.items[event.position],
      });
      return false;
    });
    const inserted = await insertEventsReturningNew(client, batch.tenantId, storable);
    if (rejected.length > 0) await insertDeadLetters(client, batch, rejected);
    const automationSignalId = await signalAutomation(client, batch, inserted);
    return {
      received: batch.items.length + (batch.rejected?.length ?? 0),
      inserted,
      duplicates: storable.length - inserted.length,
      deadLettered: rejected.length,
      automationSignalId,
    };
  });
}

/**
 * One automation signal per batch, in the batch's transaction, listing the new events some enabled
 * EVENT or METRIC_THRESHOLD rule listens to: the trigger exists exactly when the events do. A
 * tenant without such rules pays one cached look-up per batch, not a query.
 */
async function signalAutomation(
  client: pg.PoolClient,
  batch: IngestBatch,
  inserted: readonly InsertedEvent[],
): Promise<string | null> {
  if (inserted.length === 0) return null;
  const rules = await loadEnabledRulesCached(client, batch.tenantId, ["EVENT", "METRIC_THRESHOLD"]);
  if (rules.length === 0) return null;
  const interest = eventInterestOf(rules);
  const listened = inserted.filter((event) => eventInterests(interest, event));
  if (listened.length === 0) return null;
  return recordAutomationSignalWithClient(client, {
    tenantId: batch.tenantId,
    kind: "events",
    key: `events:${batch.batchId}`,
    payload: { eventIds: listened.map((event) => event.id) },
    occurredAt: new Date(listened.reduce((earliest, event) => Math.min(earliest, event.eventTime.getTime()), Infinity)),
  });
}

async function knownWorkCenters(client: pg.PoolClient, events: readonly EventInsertRow[]): Promise<Set<string>> {
  const ids = [...new Set(events.flatMap((event) => (event.workCenterId ? [event.workCenterId] : [])))];
  if (ids.length === 0) return new Set();
  // Row-level security limits this to the batch's tenant: another tenant's id counts as unknown.
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "WorkCenter" WHERE id = ANY($1::uuid[])`, [ids]);
  return new Set(rows.map((row) => row.id));
}

async function insertDeadLetters(client: pg.PoolClient, batch: IngestBatch, rejected: readonly Rejected[]) {
  await client.query(DEAD_LETTER_SQL, [
    batch.tenantId,
    batch.connectorId,
    batch.sourceId,
    batch.batchId,
    rejected.map((r) => r.position),
    rejected.map((r) => r.stage),
    rejected.map((r) => r.reason),
    rejected.map((r) => JSON.stringify(r.payload ?? null)),
  ]);
}
