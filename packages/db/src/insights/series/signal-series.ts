import { BUCKET_MS } from "@gemba/domain/execution/buckets";
import type { Tx } from "../../tenant-scope";
import type { TSpcMeasure } from "../charts";
import { orderRunIn, type TOrderRun } from "./work-center-context";

/** One reading of a signal, with what it is judged against: the product made and the shift. */
export type TSignalPoint = { t: number; value: number; productId: string | null; productName: string | null };

export type TSignalSeries = {
  measure: TSpcMeasure;
  /** Telemetry's unit as the source reported it; cycle time and scrap have fixed units. */
  unit: string | null;
  /** Cycle time and scrap differ per product; telemetry is judged across products. */
  perProduct: boolean;
  points: TSignalPoint[];
};

/**
 * Consecutive quarter hours of one order are pooled into one point until they hold enough units:
 * one unit more or less in a bucket of 7 slow parts is a 14 % swing in its cycle time, and scrap
 * (1–2 %) leaves most single buckets at 0. A fast press makes a point every quarter hour, a slow
 * cell every 30–45 minutes.
 */
export const MIN_CYCLE_UNITS = 20;
/** And at least this much time actually cycling, so a point is not one burst after a stop. */
export const MIN_CYCLE_RUN_MS = 10 * 60_000;
export const MIN_SCRAP_UNITS = 150;

type TBucketRow = {
  workCenterId: string;
  bucketStart: Date;
  runMs: number;
  minorStopsMs: number;
  totalCount: number;
  goodCount: number;
};

/**
 * Cycle time (s per unit over running time) and scrap rate (%) per work center from the 15-minute
 * rollups that were complete by `until`: a quarter hour still filling would change after it was judged.
 */
export async function loadBucketSeries(
  tx: Tx,
  workCenterIds: readonly string[],
  runs: ReadonlyMap<string, readonly TOrderRun[]>,
  from: number,
  until: number,
): Promise<Map<string, TSignalSeries[]>> {
  const rows = await tx.workCenterBucket.findMany({
    where: {
      workCenterId: { in: [...workCenterIds] },
      bucketStart: { gte: new Date(from), lte: new Date(until - BUCKET_MS) },
      totalCount: { gt: 0 },
    },
    orderBy: [{ workCenterId: "asc" }, { bucketStart: "asc" }],
    select: {
      workCenterId: true,
      bucketStart: true,
      runMs: true,
      minorStopsMs: true,
      totalCount: true,
      goodCount: true,
    },
  });
  const byWorkCenter = new Map<string, TBucketRow[]>();
  for (const row of rows) byWorkCenter.set(row.workCenterId, [...(byWorkCenter.get(row.workCenterId) ?? []), row]);
  const series = new Map<string, TSignalSeries[]>();
  for (const workCenterId of workCenterIds) {
    const buckets = byWorkCenter.get(workCenterId) ?? [];
    const orderRuns = runs.get(workCenterId) ?? [];
    series.set(workCenterId, [cycleTimeSeries(buckets, orderRuns), scrapRateSeries(buckets, orderRuns)]);
  }
  return series;
}

type TPool = { t: number; run: TOrderRun; cyclingMs: number; total: number; good: number };

/** Pools consecutive buckets of the same order until `enough`; a product change starts a new pool. */
function poolBuckets(
  buckets: readonly TBucketRow[],
  runs: readonly TOrderRun[],
  enough: (pool: TPool) => boolean,
): TPool[] {
  const pools: TPool[] = [];
  let pool: TPool | null = null;
  for (const bucket of buckets) {
    const t = bucket.bucketStart.getTime();
    const run = orderRunIn(runs, t, t + BUCKET_MS);
    if (!run) continue;
    if (pool && pool.run.orderId !== run.orderId) pool = null;
    pool ??= { t, run, cyclingMs: 0, total: 0, good: 0 };
    // Run time includes minor stops (a performance loss in OEE); a few of them in a quarter hour would
    // double its cycle time, so the point is the machine's pace while it actually cycled.
    pool.cyclingMs += bucket.runMs - bucket.minorStopsMs;
    pool.total += bucket.totalCount;
    pool.good += bucket.goodCount;
    if (enough(pool)) {
      pools.push(pool);
      pool = null;
    }
  }
  return pools;
}

function cycleTimeSeries(buckets: readonly TBucketRow[], runs: readonly TOrderRun[]): TSignalSeries {
  const pools = poolBuckets(
    buckets,
    runs,
    (pool) => pool.total >= MIN_CYCLE_UNITS && pool.cyclingMs >= MIN_CYCLE_RUN_MS,
  );
  const points = pools.map(({ t, run, cyclingMs, total }) => ({
    t,
    value: cyclingMs / 1000 / total,
    productId: run.productId,
    productName: run.productName,
  }));
  return { measure: { kind: "CYCLE_TIME" }, unit: "s", perProduct: true, points };
}

function scrapRateSeries(buckets: readonly TBucketRow[], runs: readonly TOrderRun[]): TSignalSeries {
  const pools = poolBuckets(buckets, runs, (pool) => pool.total >= MIN_SCRAP_UNITS);
  const points = pools.map(({ t, run, total, good }) => ({
    t,
    value: (100 * (total - good)) / total,
    productId: run.productId,
    productName: run.productName,
  }));
  return { measure: { kind: "SCRAP_RATE" }, unit: "%", perProduct: true, points };
}

/** Every telemetry tag of the work centers, one point per reading up to `until`, tagged with the order running then. */
export async function loadTelemetrySeries(
  tx: Tx,
  workCenterIds: readonly string[],
  runs: ReadonlyMap<string, readonly TOrderRun[]>,
  from: number,
  until: number,
): Promise<Map<string, TSignalSeries[]>> {
  const rows = await tx.$queryRaw<{ workCenterId: string; t: Date; tag: string; value: number; unit: string | null }[]>`
    SELECT e."workCenterId", e."eventTime" AS t, e.payload->>'tag' AS tag,
           (e.payload->>'value')::float8 AS value, e.payload->>'unit' AS unit
      FROM "Event" e
     WHERE e."workCenterId" = ANY(${[...workCenterIds]}::uuid[]) AND e.kind = 'telemetry'
       AND e."eventTime" >= ${new Date(from)} AND e."eventTime" <= ${new Date(until)}
     ORDER BY e."workCenterId", e."eventTime"`;
  const series = new Map<string, Map<string, TSignalSeries>>();
  for (const row of rows) {
    if (!Number.isFinite(row.value)) continue;
    const tags = series.get(row.workCenterId) ?? new Map<string, TSignalSeries>();
    series.set(row.workCenterId, tags);
    const signal = tags.get(row.tag) ?? {
      measure: { kind: "TELEMETRY", tag: row.tag },
      unit: row.unit,
      perProduct: false,
      points: [],
    };
    tags.set(row.tag, signal);
    const t = row.t.getTime();
    const run = orderRunIn(runs.get(row.workCenterId) ?? [], t, t + 1);
    signal.points.push({
      t,
      value: row.value,
      productId: run?.productId ?? null,
      productName: run?.productName ?? null,
    });
  }
  return new Map([...series].map(([workCenterId, tags]) => [workCenterId, [...tags.values()]]));
}
