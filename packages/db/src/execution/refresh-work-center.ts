import { alignToBuckets, bucketize, type TBucket } from "@gemba/domain/execution/buckets";
import { deriveStateIntervals } from "@gemba/domain/execution/derive-state-intervals";
import { rederiveWindow } from "@gemba/domain/execution/rederive-window";
import type { TStateInterval } from "@gemba/domain/execution/state-interval";
import type pg from "pg";
import { withTenantClient } from "../tenant-scope";
import { loadExecutionInputs, loadWorkCenterContext } from "./load-execution-inputs";
import { loadSiteCalendar } from "./load-site-calendar";

export type TRefreshRequest = {
  tenantId: string;
  workCenterId: string;
  /** Earliest and latest event time that changed (new events, a classification). */
  changedFrom: number;
  changedTo: number;
  now: number;
};

export type TRefreshOutcome = {
  from: number;
  to: number;
  intervals: TStateInterval[];
  buckets: number;
};

/**
 * Re-derives one work center's state intervals over the span a change can affect and recomputes
 * the 15-minute buckets there, in one transaction of its tenant. Everything outside the span stays
 * as stored, so late and out-of-order events cost work proportional to what they change. Refreshes
 * of one work center are serialized by an advisory lock; different work centers run in parallel.
 */
export async function refreshWorkCenter(pool: pg.Pool, request: TRefreshRequest): Promise<TRefreshOutcome | null> {
  return withTenantClient(pool, request.tenantId, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`execution:${request.workCenterId}`]);
    const context = await loadWorkCenterContext(client, request.workCenterId);
    if (!context) return null;
    const changed = rederiveWindow(request.changedFrom, request.changedTo, context.settings);
    const { from, to } = await widenToStoredTimeline(client, request, changed);
    if (to <= from) return { from, to, intervals: [], buckets: 0 };

    const [calendar, inputs] = await Promise.all([
      loadSiteCalendar(client, context.site, from, to),
      loadExecutionInputs(client, context, from, to),
    ]);
    const intervals = deriveStateIntervals({
      from,
      to,
      now: request.now,
      signals: inputs.signals,
      heartbeats: inputs.heartbeats,
      calendar,
      classifications: inputs.classifications,
      reasons: context.reasons,
      settings: context.settings,
    });
    const buckets = bucketize({
      intervals,
      counts: inputs.counts,
      scrap: inputs.scrap,
      idealCycleAt: inputs.idealCycleAt,
      reasons: context.reasons,
      from,
      to,
    });
    await replaceIntervals(client, request, from, to, splitAtUtcDays(intervals));
    await upsertBuckets(client, request, buckets);
    return { from, to, intervals, buckets: buckets.length };
  });
}

/**
 * The span to re-derive, widened so it joins the stored timeline cleanly: back to the start of a
 * stop in progress at its start (a late event can change how long that stop was, hence whether it
 * was a minor stop), back to where the stored timeline ends (the previous refresh's "now"), and
 * forward to the end of the stored interval running past its end; then out to bucket edges (− 1 ms:
 * a count on a bucket edge reports units of the bucket before it).
 */
async function widenToStoredTimeline(
  client: pg.PoolClient,
  request: TRefreshRequest,
  changed: { from: number; to: number },
): Promise<{ from: number; to: number }> {
  const { rows } = await client.query<{ stopStart: Date | null; lastEnd: Date | null; runsOn: Date | null }>(
    `SELECT (SELECT COALESCE("stopStart", start) FROM "StateInterval"
              WHERE "workCenterId" = $1 AND start <= $2 AND "end" > $2 ORDER BY start DESC LIMIT 1) AS "stopStart",
            (SELECT max("end") FROM "StateInterval" WHERE "workCenterId" = $1) AS "lastEnd",
            (SELECT "end" FROM "StateInterval"
              WHERE "workCenterId" = $1 AND start < $3 AND "end" > $3 ORDER BY start DESC LIMIT 1) AS "runsOn"`,
    [request.workCenterId, new Date(changed.from), new Date(changed.to)],
  );
  const row = rows[0];
  let from = changed.from;
  if (row?.stopStart) from = Math.min(from, row.stopStart.getTime());
  if (row?.lastEnd) from = Math.min(from, row.lastEnd.getTime());
  const to = Math.max(changed.to, row?.runsOn?.getTime() ?? changed.to);
  return alignToBuckets(from - 1, Math.min(to, request.now));
}

const DAY_MS = 86_400_000;

/**
 * Stored intervals are cut at UTC midnights, so none is longer than a day: range queries can then
 * bound `start` from below and use the (work center, start) key. Readers merge identical neighbours.
 */
export function splitAtUtcDays(intervals: readonly TStateInterval[]): TStateInterval[] {
  return intervals.flatMap((interval) => {
    const pieces: TStateInterval[] = [];
    let start = interval.start;
    while (start < interval.end) {
      const end = Math.min(interval.end, (Math.floor(start / DAY_MS) + 1) * DAY_MS);
      pieces.push({ ...interval, start, end });
      start = end;
    }
    return pieces;
  });
}

async function replaceIntervals(
  client: pg.PoolClient,
  request: TRefreshRequest,
  from: number,
  to: number,
  intervals: readonly TStateInterval[],
) {
  const ids = [request.tenantId, request.workCenterId];
  await client.query(
    `DELETE FROM "StateInterval" WHERE "tenantId" = $1 AND "workCenterId" = $2 AND start >= $3 AND start < $4`,
    [...ids, new Date(from), new Date(to)],
  );
  // The interval running into the window now ends where the window's own intervals begin.
  await client.query(
    `UPDATE "StateInterval" SET "end" = $3 WHERE "tenantId" = $1 AND "workCenterId" = $2 AND start < $3 AND "end" > $3`,
    [...ids, new Date(from)],
  );
  if (intervals.length === 0) return;
  await client.query(
    `INSERT INTO "StateInterval" ("tenantId", "workCenterId", start, "end", state, "reasonCode", scheduled, unclassified,
                                  "microStop", "lossCategory", "stopStart", "shiftKey")
     SELECT $1, $2, * FROM unnest($3::timestamptz[], $4::timestamptz[], $5::"ExecutionState"[], $6::text[], $7::bool[],
                                  $8::bool[], $9::bool[], $10::text[], $11::timestamptz[], $12::text[])`,
    [
      ...ids,
      intervals.map((interval) => new Date(interval.start)),
      intervals.map((interval) => new Date(interval.end)),
      intervals.map((interval) => interval.state),
      intervals.map((interval) => interval.reasonCode),
      intervals.map((interval) => interval.scheduled),
      intervals.map((interval) => interval.unclassified),
      intervals.map((interval) => interval.microStop),
      intervals.map((interval) => interval.lossCategory),
      intervals.map((interval) => (interval.stopStart === null ? null : new Date(interval.stopStart))),
      intervals.map((interval) => interval.shiftKey),
    ],
  );
}

const ms = (value: number) => Math.round(value);

async function upsertBuckets(client: pg.PoolClient, request: TRefreshRequest, buckets: readonly TBucket[]) {
  if (buckets.length === 0) return;
  const column = (pick: (bucket: TBucket) => number) => buckets.map((bucket) => ms(pick(bucket)));
  await client.query(
    `INSERT INTO "WorkCenterBucket" ("tenantId", "workCenterId", "bucketStart", "plannedMs", "runMs", "equipmentFailureMs",
        "setupAdjustmentMs", "minorStopsMs", "reducedSpeedRawMs", "processDefectsMs", "startupRejectsMs", "unknownMs",
        "unscheduledRunMs", "totalCount", "goodCount", "unscheduledCount", "idealMs", "countWithoutIdealCycle",
        "scrapByReason", "stateMs", "updatedAt")
     SELECT $1, $2, b.*, now() FROM unnest($3::timestamptz[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[],
        $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[], $18::int[],
        $19::jsonb[], $20::jsonb[]) AS b
     ON CONFLICT ("tenantId", "workCenterId", "bucketStart") DO UPDATE SET
        "plannedMs" = EXCLUDED."plannedMs", "runMs" = EXCLUDED."runMs", "equipmentFailureMs" = EXCLUDED."equipmentFailureMs",
        "setupAdjustmentMs" = EXCLUDED."setupAdjustmentMs", "minorStopsMs" = EXCLUDED."minorStopsMs",
        "reducedSpeedRawMs" = EXCLUDED."reducedSpeedRawMs", "processDefectsMs" = EXCLUDED."processDefectsMs",
        "startupRejectsMs" = EXCLUDED."startupRejectsMs", "unknownMs" = EXCLUDED."unknownMs",
        "unscheduledRunMs" = EXCLUDED."unscheduledRunMs", "totalCount" = EXCLUDED."totalCount",
        "goodCount" = EXCLUDED."goodCount", "unscheduledCount" = EXCLUDED."unscheduledCount", "idealMs" = EXCLUDED."idealMs",
        "countWithoutIdealCycle" = EXCLUDED."countWithoutIdealCycle", "scrapByReason" = EXCLUDED."scrapByReason",
        "stateMs" = EXCLUDED."stateMs", "updatedAt" = now()`,
    [
      request.tenantId,
      request.workCenterId,
      buckets.map((bucket) => new Date(bucket.start)),
      column((b) => b.components.plannedMs),
      column((b) => b.components.runMs),
      column((b) => b.components.lossMs.EQUIPMENT_FAILURE),
      column((b) => b.components.lossMs.SETUP_ADJUSTMENT),
      column((b) => b.components.lossMs.MINOR_STOPS),
      column((b) => b.components.reducedSpeedRawMs),
      column((b) => b.components.lossMs.PROCESS_DEFECTS),
      column((b) => b.components.lossMs.STARTUP_REJECTS),
      column((b) => b.components.unknownMs),
      column((b) => b.components.unscheduledRunMs),
      column((b) => b.components.totalCount),
      column((b) => b.components.goodCount),
      column((b) => b.components.unscheduledCount),
      column((b) => b.components.idealMs),
      column((b) => b.components.countWithoutIdealCycle),
      buckets.map((bucket) => JSON.stringify(bucket.components.scrapByReason)),
      buckets.map((bucket) => JSON.stringify(bucket.stateMs)),
    ],
  );
}
