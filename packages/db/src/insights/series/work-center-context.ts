import type { TCalendarSegment } from "@gemba/domain/execution/calendar-timeline";
import type { TWorkCenterRef } from "@gemba/domain/insights/drafts/draft-parts";
import { loadCalendarInTx } from "../../execution/load-calendar-in-tx";
import type { Tx } from "../../tenant-scope";

export type TDetectorWorkCenter = TWorkCenterRef & { site: { siteId: string; timeZone: string } };

/** The work centers a pass looks at: all of the tenant's, or the ones the run names. */
export async function loadDetectorWorkCenters(
  tx: Tx,
  workCenterIds: readonly string[] | null,
): Promise<TDetectorWorkCenter[]> {
  const rows = await tx.workCenter.findMany({
    where: workCenterIds === null ? {} : { id: { in: [...workCenterIds] } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      lineId: true,
      line: { select: { area: { select: { site: { select: { id: true, timeZone: true } } } } } },
    },
  });
  return rows.map(({ line, ...wc }) => ({
    ...wc,
    site: { siteId: line.area.site.id, timeZone: line.area.site.timeZone },
  }));
}

/** An order's run on its work center: the product made from its start to its completion (or still). */
export type TOrderRun = { orderId: string; productId: string; productName: string; start: number; end: number };

export async function loadOrderRuns(
  tx: Tx,
  workCenterIds: readonly string[],
  from: number,
  to: number,
): Promise<Map<string, TOrderRun[]>> {
  const orders = await tx.productionOrder.findMany({
    where: {
      workCenterId: { in: [...workCenterIds] },
      startedAt: { not: null, lt: new Date(to) },
      OR: [{ completedAt: null }, { completedAt: { gt: new Date(from) } }],
    },
    orderBy: { startedAt: "asc" },
    select: {
      id: true,
      workCenterId: true,
      startedAt: true,
      completedAt: true,
      product: { select: { id: true, name: true } },
    },
  });
  const runs = new Map<string, TOrderRun[]>();
  for (const order of orders) {
    if (!order.workCenterId || !order.startedAt) continue;
    const list = runs.get(order.workCenterId) ?? [];
    list.push({
      orderId: order.id,
      productId: order.product.id,
      productName: order.product.name,
      start: order.startedAt.getTime(),
      end: order.completedAt?.getTime() ?? Number.POSITIVE_INFINITY,
    });
    runs.set(order.workCenterId, list);
  }
  return runs;
}

/**
 * The one order that ran in [from, to), or null when none did or two did (a quarter hour that
 * holds a product change would mix two normal cycles into one point).
 */
export function orderRunIn(runs: readonly TOrderRun[], from: number, to: number): TOrderRun | null {
  let found: TOrderRun | null = null;
  for (const run of runs) {
    if (run.start >= to || run.end <= from) continue;
    if (found) return null;
    found = run;
  }
  return found;
}

/** The shift name at each instant, from the site calendar ("Early", "Late"); null outside shifts. */
export async function loadShiftLookup(
  tx: Tx,
  site: { siteId: string; timeZone: string },
  from: number,
  to: number,
): Promise<(time: number) => string | null> {
  const segments = await loadCalendarInTx(tx, site, from, to);
  return (time) => shiftAt(segments, time);
}

function shiftAt(segments: readonly TCalendarSegment[], time: number): string | null {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle];
    if (!segment) return null;
    if (time < segment.start) high = middle - 1;
    else if (time >= segment.end) low = middle + 1;
    else return segment.shift ? segment.shift.name : null;
  }
  return null;
}
