import type { Tx } from "@gemba/db/tenant-scope";

const OPEN_STATUSES = ["PLANNED", "RELEASED", "IN_PROGRESS"] as const;

/** The numbers on the first screen: how big the plant is and how much data flows in. */
export async function getPlantSummary(tx: Tx, now = new Date()) {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const [sites, lines, workCenters, openOrders, lateOrders, eventsLastDay, lastEvent] = await Promise.all([
    tx.site.count(),
    tx.line.count(),
    tx.workCenter.count(),
    tx.productionOrder.count({ where: { status: { in: [...OPEN_STATUSES] } } }),
    tx.productionOrder.count({ where: { status: { in: [...OPEN_STATUSES] }, dueAt: { lt: now } } }),
    tx.event.count({ where: { eventTime: { gte: dayAgo } } }),
    tx.event.findFirst({ orderBy: { eventTime: "desc" }, select: { eventTime: true } }),
  ]);
  return {
    sites,
    lines,
    workCenters,
    openOrders,
    lateOrders,
    eventsLastDay,
    lastEventAt: lastEvent?.eventTime ?? null,
  };
}
