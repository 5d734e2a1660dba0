import type { Tx } from "@gemba/db/tenant-scope";
import type { TShiftRef } from "@gemba/domain/execution/calendar-timeline";
import { BUCKET_SUMS, componentsFromSums, summarizeOee, type TBucketSums, type TOeeSummary } from "./bucket-sums";
import { loadCalendarInTx } from "./load-calendar-in-tx";
import { loadLiveStates, type TLiveState } from "./load-live-states";
import { sumOrderProduction } from "./order-production";

export type TCurrentShift = { key: string; name: string; start: Date; end: Date };

export type TWorkCenterTile = {
  workCenterId: string;
  code: string;
  name: string;
  sequence: number;
  /** Null until the worker has derived a timeline for the work center. */
  live: TLiveState | null;
  currentOrder: {
    id: string;
    externalId: string;
    quantity: number;
    producedGood: number;
    /** producedGood / quantity, not capped. */
    progress: number;
    dueAt: Date;
    product: { sku: string; name: string };
  } | null;
  /** OEE of the current shift so far; null outside shifts. */
  shiftOee: TOeeSummary | null;
};

export type TOverviewLine = {
  lineId: string;
  code: string;
  name: string;
  siteName: string;
  currentShift: TCurrentShift | null;
  workCenters: TWorkCenterTile[];
};

export type TExecutionOverview = { now: Date; lines: TOverviewLine[] };

/**
 * The floor at a glance: a tile per work center, grouped by line, with its live state, the order
 * it runs and the OEE of the site's current shift so far (buckets from the shift's start to now).
 */
export async function getExecutionOverview(tx: Tx, now = Date.now()): Promise<TExecutionOverview> {
  const workCenters = await tx.workCenter.findMany({
    orderBy: [{ line: { code: "asc" } }, { sequence: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      sequence: true,
      line: {
        select: {
          id: true,
          code: true,
          name: true,
          area: { select: { site: { select: { id: true, name: true, timeZone: true } } } },
        },
      },
    },
  });
  const ids = workCenters.map((workCenter) => workCenter.id);
  const live = await loadLiveStates(tx, ids);
  const orders = await tx.productionOrder.findMany({
    where: { status: "IN_PROGRESS", workCenterId: { in: ids } },
    orderBy: { startedAt: "desc" },
    select: {
      id: true,
      externalId: true,
      quantity: true,
      dueAt: true,
      startedAt: true,
      workCenterId: true,
      product: { select: { sku: true, name: true } },
    },
  });
  const currentOrders = new Map<string, (typeof orders)[number]>();
  for (const order of orders) {
    if (order.workCenterId && !currentOrders.has(order.workCenterId)) currentOrders.set(order.workCenterId, order);
  }
  const produced = await sumOrderProduction(
    tx,
    [...currentOrders.values()].flatMap((order) =>
      order.startedAt && order.workCenterId
        ? [{ orderId: order.id, workCenterId: order.workCenterId, startedAt: order.startedAt, completedAt: null }]
        : [],
    ),
    now,
  );

  const sites = new Map(workCenters.map((workCenter) => [workCenter.line.area.site.id, workCenter.line.area.site]));
  const shifts = new Map<string, TShiftRef | null>();
  const shiftOee = new Map<string, TOeeSummary>();
  for (const site of sites.values()) {
    const shift = await currentShiftOf(tx, { siteId: site.id, timeZone: site.timeZone }, now);
    shifts.set(site.id, shift);
    if (!shift) continue;
    const siteWorkCenters = workCenters.filter((workCenter) => workCenter.line.area.site.id === site.id);
    const sums = await tx.$queryRaw<(TBucketSums & { workCenterId: string })[]>`
      SELECT b."workCenterId", ${BUCKET_SUMS}
        FROM "WorkCenterBucket" b
       WHERE b."workCenterId" = ANY(${siteWorkCenters.map((workCenter) => workCenter.id)}::uuid[])
         AND b."bucketStart" >= ${new Date(shift.start)} AND b."bucketStart" < ${new Date(now)}
       GROUP BY b."workCenterId"`;
    for (const row of sums) shiftOee.set(row.workCenterId, summarizeOee(componentsFromSums(row)));
  }

  const lines = new Map<string, TOverviewLine>();
  for (const workCenter of workCenters) {
    const { line } = workCenter;
    const shift = shifts.get(line.area.site.id) ?? null;
    const entry = lines.get(line.id) ?? {
      lineId: line.id,
      code: line.code,
      name: line.name,
      siteName: line.area.site.name,
      currentShift: shift && {
        key: shift.key,
        name: shift.name,
        start: new Date(shift.start),
        end: new Date(shift.end),
      },
      workCenters: [],
    };
    const order = currentOrders.get(workCenter.id);
    const producedGood = order ? (produced.get(order.id)?.good ?? 0) : 0;
    entry.workCenters.push({
      workCenterId: workCenter.id,
      code: workCenter.code,
      name: workCenter.name,
      sequence: workCenter.sequence,
      live: live.get(workCenter.id) ?? null,
      currentOrder: order
        ? {
            id: order.id,
            externalId: order.externalId,
            quantity: order.quantity,
            producedGood,
            progress: order.quantity > 0 ? producedGood / order.quantity : 0,
            dueAt: order.dueAt,
            product: order.product,
          }
        : null,
      shiftOee: shift ? (shiftOee.get(workCenter.id) ?? summarizeOee(componentsFromSums(undefined))) : null,
    });
    lines.set(line.id, entry);
  }
  return { now: new Date(now), lines: [...lines.values()] };
}

/** The shift the site's calendar has at `now` (also during its breaks); null between shifts. */
async function currentShiftOf(tx: Tx, site: { siteId: string; timeZone: string }, now: number) {
  const [segment] = await loadCalendarInTx(tx, site, now, now + 1);
  return segment?.shift ?? null;
}
