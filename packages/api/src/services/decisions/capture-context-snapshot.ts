import type { Tx } from "@gemba/db/tenant-scope";
import {
  SNAPSHOT_MAX_EVENTS,
  SNAPSHOT_MAX_ORDERS,
  SNAPSHOT_MAX_WORK_CENTERS,
  SNAPSHOT_RECENT_WINDOW_MS,
  type TDecisionContextSnapshot,
} from "@gemba/domain/decisions/context-snapshot";
import { HIGH_VOLUME_EVENT_KINDS, summarizeEvent } from "@gemba/domain/decisions/event-summary";
import { listOrdersWithProjection } from "../execution/list-orders-with-projection";
import { loadLiveStates } from "../execution/load-live-states";

/** Open orders read to find the ones in progress; in-progress orders are the soonest due, so they come first. */
const OPEN_ORDERS_READ = 200;

export type TSnapshotFocus = {
  /** The situation's line: its work centers are captured. Null: the whole plant. */
  line: { id: string; name: string } | null;
  /** The work center whose recent events are captured. */
  workCenter: { id: string; code: string } | null;
};

/**
 * What the decider saw when deciding, frozen into the record: the states of the line's work
 * centers (or the plant's), the orders in progress there with their progress, and the last 30
 * minutes of the situation's work center. Every part is capped, so logging costs the same on a
 * large plant.
 */
export async function captureContextSnapshot(
  tx: Tx,
  focus: TSnapshotFocus,
  now: number,
): Promise<TDecisionContextSnapshot> {
  const workCenterRows = await tx.workCenter.findMany({
    where: focus.line ? { lineId: focus.line.id } : {},
    orderBy: focus.line ? [{ sequence: "asc" }] : [{ line: { code: "asc" } }, { sequence: "asc" }],
    take: SNAPSHOT_MAX_WORK_CENTERS + 1,
    select: { id: true, code: true, name: true },
  });
  const workCenters = workCenterRows.slice(0, SNAPSHOT_MAX_WORK_CENTERS);
  const totalWorkCenters =
    workCenterRows.length > SNAPSHOT_MAX_WORK_CENTERS
      ? await tx.workCenter.count({ where: focus.line ? { lineId: focus.line.id } : {} })
      : workCenters.length;
  const states = await loadLiveStates(
    tx,
    workCenters.map((workCenter) => workCenter.id),
  );

  const inScope = new Set(workCenters.map((workCenter) => workCenter.id));
  const running = (await listOrdersWithProjection(tx, { status: "open", limit: OPEN_ORDERS_READ }, now)).filter(
    (order) =>
      order.status === "IN_PROGRESS" && (focus.line === null || (order.workCenter && inScope.has(order.workCenter.id))),
  );

  return {
    version: 1,
    takenAt: new Date(now).toISOString(),
    scope: focus.line ? { kind: "LINE", label: focus.line.name } : { kind: "PLANT", label: "Whole plant" },
    workCenters: workCenters.map((workCenter) => {
      const live = states.get(workCenter.id);
      return {
        id: workCenter.id,
        code: workCenter.code,
        name: workCenter.name,
        state: live?.state ?? null,
        since: live ? live.since.toISOString() : null,
        reasonCode: live?.reasonCode ?? null,
        reasonLabel: live?.reasonLabel ?? null,
        unclassified: live?.unclassified ?? false,
      };
    }),
    workCentersOmitted: totalWorkCenters - workCenters.length,
    orders: running.slice(0, SNAPSHOT_MAX_ORDERS).map((order) => ({
      id: order.id,
      externalId: order.externalId,
      product: order.product.name,
      workCenterCode: order.workCenter?.code ?? null,
      quantity: order.quantity,
      producedGood: order.producedGood,
      progress: order.progress,
      dueAt: order.dueAt.toISOString(),
      atRisk: order.atRisk,
      late: order.late,
    })),
    ordersOmitted: Math.max(0, running.length - SNAPSHOT_MAX_ORDERS),
    recent: focus.workCenter ? await captureRecentEvents(tx, focus.workCenter, now) : null,
  };
}

/** The work center's last 30 minutes: what happened (newest first, capped) and how much it made. */
async function captureRecentEvents(
  tx: Tx,
  workCenter: { id: string; code: string },
  now: number,
): Promise<NonNullable<TDecisionContextSnapshot["recent"]>> {
  const from = new Date(now - SNAPSHOT_RECENT_WINDOW_MS);
  const to = new Date(now);
  const where = {
    workCenterId: workCenter.id,
    eventTime: { gte: from, lte: to },
    kind: { notIn: [...HIGH_VOLUME_EVENT_KINDS] },
  };
  const [events, listed, counted] = await Promise.all([
    tx.event.findMany({
      where,
      orderBy: [{ eventTime: "desc" }, { id: "desc" }],
      take: SNAPSHOT_MAX_EVENTS,
      select: { id: true, kind: true, eventTime: true, payload: true },
    }),
    tx.event.count({ where }),
    tx.$queryRaw<{ total: number; good: number }[]>`
      SELECT COALESCE(sum((payload->>'total')::int), 0)::int AS total,
             COALESCE(sum((payload->>'good')::int), 0)::int AS good
        FROM "Event"
       WHERE "workCenterId" = ${workCenter.id}::uuid AND kind = 'production.count'
         AND "eventTime" >= ${from} AND "eventTime" <= ${to}`,
  ]);
  return {
    workCenterId: workCenter.id,
    workCenterCode: workCenter.code,
    from: from.toISOString(),
    to: to.toISOString(),
    events: events.map((event) => ({
      id: event.id.toString(),
      kind: event.kind,
      eventTime: event.eventTime.toISOString(),
      summary: summarizeEvent(event.kind, event.payload),
    })),
    eventsOmitted: Math.max(0, listed - events.length),
    counted: counted[0] ?? { total: 0, good: 0 },
  };
}
