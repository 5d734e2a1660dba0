import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import { sumOeeComponents } from "@gemba/domain/execution/oee";
import type { THandoverShift, THandoverSources } from "@gemba/domain/handover/build-handover-summary";
import { BUCKET_SUMS, componentsFromSums, type TBucketSums } from "../execution/bucket-sums";
import { listOrdersWithProjection } from "../execution/list-orders-with-projection";
import { sumOrderBuckets, sumOrderProduction, type TOrderSpan } from "../execution/order-production";
import type { Tx } from "../tenant-scope";

/**
 * No stored interval is longer than a day (the refresh cuts them at UTC midnights): a lower bound
 * on `start` lets the interval queries use the (work center, start) key.
 */
const LONGEST_STORED_INTERVAL_MS = MS_PER_DAY;
/** Enough to rank the still-unclassified stops; the summary keeps the longest few. */
const UNCLASSIFIED_ROWS = 50;
const OPEN_ORDER_STATUSES = new Set(["PLANNED", "RELEASED", "IN_PROGRESS"]);

type TWorkCenterRef = { id: string; code: string; name: string; lineId: string };

/**
 * Everything a handover is drafted from, read inside the tenant's transaction: the site's lines
 * and their buckets over the shift (up to now while it still runs), its stops, the orders that
 * ran, and what is open or was decided. Tasks and decisions without a work center are plant-wide
 * and belong to every site's handover.
 */
export async function loadHandoverSources(
  tx: Tx,
  siteId: string,
  shift: THandoverShift,
  now: number,
): Promise<THandoverSources> {
  const site = await tx.site.findFirst({ where: { id: siteId }, select: { id: true, name: true, timeZone: true } });
  if (!site) throw new Error(`site ${siteId} is not readable in this tenant`);
  const lines = await tx.line.findMany({
    where: { area: { siteId } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, workCenters: { select: { id: true, code: true, name: true } } },
  });
  const workCenters = lines.flatMap((line) =>
    line.workCenters.map((workCenter) => ({ ...workCenter, lineId: line.id })),
  );
  const window = { from: shift.start, until: Math.min(now, shift.end) };

  const componentsByLine = await loadLineComponents(tx, workCenters, window);
  return {
    site,
    shift,
    now,
    lines: lines.map((line) => ({
      lineId: line.id,
      code: line.code,
      name: line.name,
      components: sumOeeComponents(componentsByLine.get(line.id) ?? []),
    })),
    downtimes: await loadDowntimes(tx, workCenters, window),
    orders: await loadOrders(tx, workCenters, window, now),
    openTasks: await loadOpenTasks(tx, workCenters),
    decisions: await loadDecisions(tx, workCenters, window),
    unclassified: await loadUnclassifiedStops(tx, workCenters, window),
  };
}

type TWindow = { from: number; until: number };

async function loadLineComponents(tx: Tx, workCenters: readonly TWorkCenterRef[], window: TWindow) {
  const byLine = new Map<string, ReturnType<typeof componentsFromSums>[]>();
  if (workCenters.length === 0) return byLine;
  const rows = await tx.$queryRaw<(TBucketSums & { workCenterId: string })[]>`
    SELECT b."workCenterId", ${BUCKET_SUMS}
      FROM "WorkCenterBucket" b
     WHERE b."workCenterId" = ANY(${workCenters.map((workCenter) => workCenter.id)}::uuid[])
       AND b."bucketStart" >= ${new Date(window.from)} AND b."bucketStart" < ${new Date(window.until)}
     GROUP BY b."workCenterId"`;
  const lineOf = new Map(workCenters.map((workCenter) => [workCenter.id, workCenter.lineId]));
  for (const { workCenterId, ...sums } of rows) {
    const lineId = lineOf.get(workCenterId);
    if (!lineId) continue;
    byLine.set(lineId, [...(byLine.get(lineId) ?? []), componentsFromSums(sums)]);
  }
  return byLine;
}

/** Scheduled stop time inside the shift per work center and reason, as the downtime Pareto counts it. */
async function loadDowntimes(
  tx: Tx,
  workCenters: readonly TWorkCenterRef[],
  window: TWindow,
): Promise<THandoverSources["downtimes"]> {
  if (workCenters.length === 0) return [];
  const from = new Date(window.from);
  const until = new Date(window.until);
  const rows = await tx.$queryRaw<
    { workCenterId: string; reasonCode: string | null; unclassified: boolean; stopMs: number; stops: number }[]
  >`
    SELECT si."workCenterId", si."reasonCode", si.unclassified,
           sum(extract(epoch FROM least(si."end", ${until}) - greatest(si.start, ${from})) * 1000)::float8 AS "stopMs",
           count(DISTINCT si."stopStart")::int AS stops
      FROM "StateInterval" si
     WHERE si."workCenterId" = ANY(${workCenters.map((workCenter) => workCenter.id)}::uuid[])
       AND si.start < ${until} AND si."end" > ${from}
       AND si.start >= ${new Date(window.from - LONGEST_STORED_INTERVAL_MS)}
       AND si.scheduled AND NOT si."microStop" AND si.state IN ('DOWN', 'IDLE', 'PLANNED_STOP')
     GROUP BY si."workCenterId", si."reasonCode", si.unclassified`;
  const codes = [...new Set(rows.flatMap((row) => (row.reasonCode ? [row.reasonCode] : [])))];
  const reasons = codes.length
    ? await tx.reasonCode.findMany({ where: { code: { in: codes } }, select: { code: true, label: true } })
    : [];
  const labelOf = new Map(reasons.map((reason) => [reason.code, reason.label]));
  const workCenterOf = new Map(workCenters.map((workCenter) => [workCenter.id, workCenter]));
  return rows.flatMap((row) => {
    const workCenter = workCenterOf.get(row.workCenterId);
    if (!workCenter) return [];
    return [
      {
        workCenterId: row.workCenterId,
        workCenterCode: workCenter.code,
        workCenterName: workCenter.name,
        reasonCode: row.reasonCode,
        reasonLabel: row.reasonCode ? (labelOf.get(row.reasonCode) ?? null) : null,
        unclassified: row.unclassified,
        stopMs: Math.round(row.stopMs),
        stops: row.stops,
      },
    ];
  });
}

/**
 * Orders that ran at the site during the shift: what they made in it (buckets of the shift and the
 * order's run), what they made in all up to the shift's end, and whether the open ones are at
 * risk as projected now (the same projection as the orders screen).
 */
async function loadOrders(
  tx: Tx,
  workCenters: readonly TWorkCenterRef[],
  window: TWindow,
  now: number,
): Promise<THandoverSources["orders"]> {
  if (workCenters.length === 0) return [];
  const orders = await tx.productionOrder.findMany({
    where: {
      workCenterId: { in: workCenters.map((workCenter) => workCenter.id) },
      startedAt: { lt: new Date(window.until) },
      OR: [{ completedAt: null }, { completedAt: { gt: new Date(window.from) } }],
    },
    select: {
      id: true,
      externalId: true,
      status: true,
      quantity: true,
      dueAt: true,
      startedAt: true,
      completedAt: true,
      workCenterId: true,
      product: { select: { name: true } },
    },
  });
  const ran = orders.flatMap((order) =>
    order.startedAt && order.workCenterId
      ? [{ ...order, startedAt: order.startedAt, workCenterId: order.workCenterId }]
      : [],
  );
  if (ran.length === 0) return [];
  const until = new Date(window.until);
  const endedBy = (completedAt: Date | null) => (completedAt && completedAt < until ? completedAt : until);
  const inShift = await sumOrderBuckets(
    tx,
    ran.map((order) => ({
      orderId: order.id,
      workCenterId: order.workCenterId,
      startedAt: new Date(Math.max(order.startedAt.getTime(), window.from)),
      completedAt: endedBy(order.completedAt),
    })),
    window.until,
  );
  const spans: TOrderSpan[] = ran.map((order) => ({
    orderId: order.id,
    workCenterId: order.workCenterId,
    startedAt: order.startedAt,
    completedAt: endedBy(order.completedAt),
  }));
  const made = await sumOrderProduction(tx, spans, window.until);
  const projected = ran.some((order) => OPEN_ORDER_STATUSES.has(order.status))
    ? new Map((await listOrdersWithProjection(tx, { status: "open", limit: 1000 }, now)).map((row) => [row.id, row]))
    : new Map();
  const codeOf = new Map(workCenters.map((workCenter) => [workCenter.id, workCenter.code]));

  return ran.map((order) => {
    const shiftSums = inShift.get(order.id);
    const producedGood = made.get(order.id)?.good ?? 0;
    const projection = projected.get(order.id);
    return {
      orderId: order.id,
      externalId: order.externalId,
      productName: order.product.name,
      workCenterCode: codeOf.get(order.workCenterId) ?? null,
      status: order.status,
      quantity: order.quantity,
      producedGoodInShift: shiftSums?.goodCount ?? 0,
      producedTotalInShift: shiftSums ? shiftSums.totalCount + shiftSums.unscheduledCount : 0,
      producedGood,
      progress: order.quantity > 0 ? producedGood / order.quantity : 0,
      dueAt: order.dueAt,
      atRisk: projection?.atRisk ?? false,
      late: projection
        ? projection.late
        : order.completedAt !== null && order.completedAt.getTime() > order.dueAt.getTime(),
    };
  });
}

async function loadOpenTasks(tx: Tx, workCenters: readonly TWorkCenterRef[]): Promise<THandoverSources["openTasks"]> {
  const tasks = await tx.task.findMany({
    where: {
      status: { in: ["OPEN", "ACKNOWLEDGED"] },
      OR: [{ workCenterId: null }, { workCenterId: { in: workCenters.map((workCenter) => workCenter.id) } }],
    },
    select: {
      id: true,
      title: true,
      priority: true,
      dueAt: true,
      createdAt: true,
      workCenter: { select: { code: true } },
    },
  });
  return tasks.map((task) => ({
    taskId: task.id,
    title: task.title,
    priority: task.priority,
    dueAt: task.dueAt,
    createdAt: task.createdAt,
    workCenterCode: task.workCenter?.code ?? null,
  }));
}

async function loadDecisions(
  tx: Tx,
  workCenters: readonly TWorkCenterRef[],
  window: TWindow,
): Promise<THandoverSources["decisions"]> {
  const decisions = await tx.decision.findMany({
    where: {
      decidedAt: { gte: new Date(window.from), lt: new Date(window.until) },
      OR: [{ workCenterId: null }, { workCenterId: { in: workCenters.map((workCenter) => workCenter.id) } }],
    },
    orderBy: { decidedAt: "asc" },
    take: 100,
    select: { id: true, title: true, decidedAt: true, decidedById: true, workCenter: { select: { code: true } } },
  });
  const people = decisions.length
    ? await tx.user.findMany({
        where: { id: { in: [...new Set(decisions.map((decision) => decision.decidedById))] } },
        select: { id: true, name: true },
      })
    : [];
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  return decisions.map((decision) => ({
    decisionId: decision.id,
    title: decision.title,
    decidedAt: decision.decidedAt,
    decidedBy: nameOf.get(decision.decidedById) ?? "Former member",
    workCenterCode: decision.workCenter?.code ?? null,
  }));
}

/**
 * Stops with time in the shift that still wait for a reason, each whole (its pieces put together
 * by work center and stop start, as the unclassified-stops list does), and whether the work
 * center is still in it.
 */
async function loadUnclassifiedStops(
  tx: Tx,
  workCenters: readonly TWorkCenterRef[],
  window: TWindow,
): Promise<THandoverSources["unclassified"]> {
  if (workCenters.length === 0) return [];
  const rows = await tx.$queryRaw<{ workCenterId: string; stopStart: Date; stopMs: number; ongoing: boolean }[]>`
    WITH touching AS (
      SELECT DISTINCT si."workCenterId", si."stopStart"
        FROM "StateInterval" si
       WHERE si.unclassified AND si."stopStart" IS NOT NULL
         AND si."workCenterId" = ANY(${workCenters.map((workCenter) => workCenter.id)}::uuid[])
         AND si.start < ${new Date(window.until)} AND si."end" > ${new Date(window.from)}
         AND si.start >= ${new Date(window.from - LONGEST_STORED_INTERVAL_MS)}
    ), stops AS (
      SELECT t."workCenterId", t."stopStart",
             sum(extract(epoch FROM piece."end" - piece.start) * 1000)::float8 AS "stopMs"
        FROM touching t
        JOIN "StateInterval" piece
          ON piece."workCenterId" = t."workCenterId" AND piece."stopStart" = t."stopStart"
         AND piece.start >= t."stopStart" AND piece.unclassified
       GROUP BY t."workCenterId", t."stopStart"
       ORDER BY "stopMs" DESC, t."stopStart"
       LIMIT ${UNCLASSIFIED_ROWS}
    )
    SELECT s."workCenterId", s."stopStart", s."stopMs",
           COALESCE(latest."stopStart" = s."stopStart", false) AS ongoing
      FROM stops s
      CROSS JOIN LATERAL (
        SELECT last."stopStart" FROM "StateInterval" last
         WHERE last."workCenterId" = s."workCenterId" ORDER BY last.start DESC LIMIT 1
      ) latest`;
  const workCenterOf = new Map(workCenters.map((workCenter) => [workCenter.id, workCenter]));
  return rows.flatMap((row) => {
    const workCenter = workCenterOf.get(row.workCenterId);
    if (!workCenter) return [];
    return [
      {
        workCenterId: row.workCenterId,
        workCenterCode: workCenter.code,
        workCenterName: workCenter.name,
        since: row.stopStart,
        stopMs: Math.round(row.stopMs),
        ongoing: row.ongoing,
      },
    ];
  });
}
