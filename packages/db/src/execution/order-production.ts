import { MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";
import { BUCKET_MS } from "@gemba/domain/execution/buckets";
import type { Tx } from "../tenant-scope";
import { BUCKET_SUMS, type TBucketSums } from "./bucket-sums";

/** The window the recent pace of a running order is measured over: its last 2 h of planned time. */
export const RECENT_RATE_WINDOW_MS = 2 * MS_PER_HOUR;
/** How far back a running order's pace may be looked for (a long weekend, a holiday). */
const RECENT_RATE_LOOKBACK_MS = 14 * 24 * MS_PER_HOUR;

export type TOrderSpan = { orderId: string; workCenterId: string; startedAt: Date; completedAt: Date | null };

/**
 * Buckets after this instant belong to the order: the one holding its start included. Computed
 * here rather than in SQL (timestamptz − interval is not immutable, so Postgres would not use it
 * as an index bound).
 */
function firstBucketAfter(span: TOrderSpan, notBefore = Number.NEGATIVE_INFINITY): string {
  return new Date(Math.max(span.startedAt.getTime() - BUCKET_MS, notBefore)).toISOString();
}

export type TOrderProduction = {
  /** Good units counted in planned time. */
  good: number;
  /** All units counted, in planned time and outside it. */
  total: number;
};

/**
 * Every additive bucket column summed over each order's run on its work center: the buckets from
 * the one holding the order's start up to the one holding its completion (or now). Buckets are
 * 15 minutes, so a few units made in the same quarter hour just before the start or after the
 * completion (rare: a changeover separates orders) are counted too. One query for all orders.
 */
export async function sumOrderBuckets(
  tx: Tx,
  spans: readonly TOrderSpan[],
  now: number,
): Promise<Map<string, TBucketSums>> {
  if (spans.length === 0) return new Map();
  // LATERAL: one primary-key range scan per order, whatever the planner guesses about the unnest.
  const rows = await tx.$queryRaw<(TBucketSums & { orderId: string })[]>`
    SELECT o."orderId", made.*
      FROM unnest(${spans.map((span) => span.orderId)}::uuid[], ${spans.map((span) => span.workCenterId)}::uuid[],
                  ${spans.map((span) => firstBucketAfter(span))}::timestamptz[],
                  ${spans.map((span) => (span.completedAt ?? new Date(now)).toISOString())}::timestamptz[])
           AS o("orderId", "workCenterId", "after", "endedAt")
     CROSS JOIN LATERAL (
       SELECT ${BUCKET_SUMS}
         FROM "WorkCenterBucket" b
        WHERE b."workCenterId" = o."workCenterId"
          AND b."bucketStart" > o."after" AND b."bucketStart" < o."endedAt"
     ) made`;
  return new Map(rows.map(({ orderId, ...sums }) => [orderId, sums]));
}

/** Units counted on each order's work center while the order ran (the span of sumOrderBuckets). */
export async function sumOrderProduction(
  tx: Tx,
  spans: readonly TOrderSpan[],
  now: number,
): Promise<Map<string, TOrderProduction>> {
  const sums = await sumOrderBuckets(tx, spans, now);
  return new Map(
    [...sums].map(([orderId, made]) => [
      orderId,
      { good: made.goodCount, total: made.totalCount + made.unscheduledCount },
    ]),
  );
}

/**
 * Good units per hour of planned production time over each running order's most recent 2 h of
 * planned time (buckets without planned time skipped, so a night or a weekend does not dilute
 * it; stops inside planned time do, as they would slow the future). Only the order's own buckets
 * count: the previous product's pace says little about this one. Null when it has no planned time yet.
 */
export async function recentGoodRatePerHour(
  tx: Tx,
  spans: readonly TOrderSpan[],
  now: number,
): Promise<Map<string, number | null>> {
  if (spans.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ orderId: string; good: number; plannedMs: number }[]>`
    SELECT recent."orderId", sum(recent."goodCount")::float8 AS good, sum(recent."plannedMs")::float8 AS "plannedMs"
      FROM (
        SELECT o."orderId", b."goodCount", b."plannedMs",
               sum(b."plannedMs") OVER (PARTITION BY o."orderId" ORDER BY b."bucketStart" DESC) AS "plannedUpToHere"
          FROM unnest(${spans.map((span) => span.orderId)}::uuid[], ${spans.map((span) => span.workCenterId)}::uuid[],
                      ${spans.map((span) => firstBucketAfter(span, now - RECENT_RATE_LOOKBACK_MS))}::timestamptz[])
               AS o("orderId", "workCenterId", "after")
          JOIN "WorkCenterBucket" b
            ON b."workCenterId" = o."workCenterId" AND b."plannedMs" > 0
           AND b."bucketStart" > o."after" AND b."bucketStart" <= ${new Date(now)}
      ) recent
     WHERE recent."plannedUpToHere" - recent."plannedMs" < ${RECENT_RATE_WINDOW_MS}
     GROUP BY recent."orderId"`;
  const rates = new Map<string, number | null>(spans.map((span) => [span.orderId, null]));
  for (const row of rows) rates.set(row.orderId, row.plannedMs > 0 ? row.good / (row.plannedMs / MS_PER_HOUR) : null);
  return rates;
}
