import { MS_PER_DAY, MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";
import { BUCKET_MS } from "@gemba/domain/execution/buckets";
import type { TOrderSpan } from "../../execution/order-production";
import type { Tx } from "../../tenant-scope";

/** The recent pace is measured over this much planned time of the order's own run: 16 quarter hours. */
export const RATE_WINDOW_MS = 4 * MS_PER_HOUR;
/** How far back an order's buckets are read (its chart and, after a long weekend, its pace). */
const LOOKBACK_MS = 14 * MS_PER_DAY;

export type TOrderRates = {
  /** Good units per planned hour, one per recent bucket with planned time (stops inside it included). */
  samplesPerHour: number[];
  /** Good units made by the end of each bucket of the run (counted from the first bucket read). */
  progress: { t: number; value: number }[];
};

/**
 * Per running order, the quarter hours of its work center since it started: the latest ones with
 * planned time give the rate samples the late-order model summarises (a bucket of a stop counts as
 * a slow sample: it will happen again), and all of them give the chart's progress line.
 */
export async function loadOrderRates(
  tx: Tx,
  spans: readonly TOrderSpan[],
  now: number,
): Promise<Map<string, TOrderRates>> {
  const rates = new Map<string, TOrderRates>();
  if (spans.length === 0) return rates;
  const rows = await tx.$queryRaw<{ orderId: string; bucketStart: Date; goodCount: number; plannedMs: number }[]>`
    SELECT o."orderId", b."bucketStart", b."goodCount", b."plannedMs"
      FROM unnest(${spans.map((span) => span.orderId)}::uuid[], ${spans.map((span) => span.workCenterId)}::uuid[],
                  ${spans.map((span) => new Date(Math.max(span.startedAt.getTime() - BUCKET_MS, now - LOOKBACK_MS)).toISOString())}::timestamptz[])
           AS o("orderId", "workCenterId", "after")
      JOIN "WorkCenterBucket" b
        ON b."workCenterId" = o."workCenterId" AND b."bucketStart" > o."after" AND b."bucketStart" <= ${new Date(now)}
     ORDER BY o."orderId", b."bucketStart"`;
  const byOrder = new Map<string, typeof rows>();
  for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
  for (const span of spans) {
    const buckets = byOrder.get(span.orderId) ?? [];
    let made = 0;
    const progress = buckets.map((bucket) => {
      made += bucket.goodCount;
      return { t: Math.min(now, bucket.bucketStart.getTime() + BUCKET_MS), value: made };
    });
    const samplesPerHour: number[] = [];
    let planned = 0;
    // Newest first; the bucket still running is skipped, its rate would be measured over a part of it.
    for (const bucket of [...buckets].reverse()) {
      if (bucket.bucketStart.getTime() + BUCKET_MS > now || bucket.plannedMs <= 0) continue;
      if (planned >= RATE_WINDOW_MS) break;
      planned += bucket.plannedMs;
      samplesPerHour.push(bucket.goodCount / (bucket.plannedMs / MS_PER_HOUR));
    }
    rates.set(span.orderId, { samplesPerHour: samplesPerHour.reverse(), progress });
  }
  return rates;
}
