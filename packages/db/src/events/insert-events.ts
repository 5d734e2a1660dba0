import type pg from "pg";

/** One event as stored; a validated canonical event from @gemba/domain fits this shape. */
export type EventInsertRow = {
  workCenterId: string | null;
  kind: string;
  eventTime: Date;
  sourceId: string;
  dedupeKey: string;
  payload: unknown;
};

export type InsertEventsOptions = {
  /** Rows per statement; each statement sends seven arrays, so this bounds message size. */
  batchSize?: number;
};

const DEFAULT_BATCH_SIZE = 5_000;

// unnest() turns seven parallel arrays into rows: one round trip and one plan per batch,
// much faster than row-by-row inserts. Re-delivered events hit the unique key and are skipped.
const INSERT_SQL = `
INSERT INTO "Event" ("tenantId", "workCenterId", "kind", "eventTime", "sourceId", "dedupeKey", "payload")
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::jsonb[])
ON CONFLICT ("tenantId", "sourceId", "dedupeKey") DO NOTHING`;

/** What was new, for publishing to live views: rows skipped as duplicates are not returned. */
export type InsertedEvent = {
  id: string;
  workCenterId: string | null;
  kind: string;
  eventTime: Date;
  payload: unknown;
};

/**
 * Bulk-inserts events of one tenant and returns how many were new (duplicates by
 * tenant, source and dedupe key are skipped, also within one call).
 *
 * Run it inside `withTenantClient(pool, tenantId, client => insertEvents(client, tenantId, …))`:
 * row-level security rejects rows of any tenant but the transaction's, and the caller's
 * transaction makes all batches commit or none.
 */
export async function insertEvents(
  client: pg.ClientBase,
  tenantId: string,
  events: readonly EventInsertRow[],
  options: InsertEventsOptions = {},
): Promise<number> {
  let inserted = 0;
  for (const parameters of batchParameters(tenantId, events, options)) {
    const result = await client.query(INSERT_SQL, parameters);
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/**
 * The same insert, returning the rows that were new (duplicates are skipped silently). Only
 * id and dedupe key come back from Postgres; the rest is taken from the input, which saves
 * sending every payload back over the wire.
 */
export async function insertEventsReturningNew(
  client: pg.ClientBase,
  tenantId: string,
  events: readonly EventInsertRow[],
  options: InsertEventsOptions = {},
): Promise<InsertedEvent[]> {
  const inserted: InsertedEvent[] = [];
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let start = 0;
  for (const parameters of batchParameters(tenantId, events, options)) {
    const batch = events.slice(start, start + batchSize);
    start += batchSize;
    const result = await client.query<{ id: string; sourceId: string; dedupeKey: string }>(
      `${INSERT_SQL} RETURNING id::text AS id, "sourceId", "dedupeKey"`,
      parameters,
    );
    if (result.rows.length === 0) continue;
    // Within one batch a (source, dedupe key) pair is stored at most once: the first wins.
    const byKey = new Map<string, EventInsertRow>();
    for (const event of batch) {
      const key = `${event.sourceId}\u0000${event.dedupeKey}`;
      if (!byKey.has(key)) byKey.set(key, event);
    }
    for (const row of result.rows) {
      const event = byKey.get(`${row.sourceId}\u0000${row.dedupeKey}`);
      if (!event) continue;
      inserted.push({
        id: row.id,
        workCenterId: event.workCenterId,
        kind: event.kind,
        eventTime: event.eventTime,
        payload: event.payload,
      });
    }
  }
  return inserted;
}

function* batchParameters(
  tenantId: string,
  events: readonly EventInsertRow[],
  options: InsertEventsOptions,
): Generator<unknown[]> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  for (let start = 0; start < events.length; start += batchSize) {
    const batch = events.slice(start, start + batchSize);
    const columns = {
      tenantIds: new Array<string>(batch.length).fill(tenantId),
      workCenterIds: batch.map((event) => event.workCenterId),
      kinds: batch.map((event) => event.kind),
      eventTimes: batch.map((event) => event.eventTime.toISOString()),
      sourceIds: batch.map((event) => event.sourceId),
      dedupeKeys: batch.map((event) => event.dedupeKey),
      payloads: batch.map((event) => JSON.stringify(event.payload)),
    };
    yield [
      columns.tenantIds,
      columns.workCenterIds,
      columns.kinds,
      columns.eventTimes,
      columns.sourceIds,
      columns.dedupeKeys,
      columns.payloads,
    ];
  }
}
