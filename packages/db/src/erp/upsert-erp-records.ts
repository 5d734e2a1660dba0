import type { TOrderLifecycleEvent } from "@gemba/domain/events/canonical-events";
import type { Tx } from "../tenant-scope";
import {
  normalizeWorkCenterCode,
  type TErpOrderRecord,
  type TErpProductRecord,
  type TWorkCenterMap,
} from "./erp-records";
import { orderLifecycleEvents } from "./order-lifecycle";
import {
  insertOrders,
  insertProducts,
  type TOrderInsert,
  type TOrderUpdate,
  type TOrderValues,
  type TProductInsert,
  type TProductUpdate,
  updateOrders,
  updateProducts,
} from "./write-planning-rows";

export type TUpsertErpInput = {
  /** Source id of the lifecycle events (the connector id). */
  sourceId: string;
  products: readonly TErpProductRecord[];
  orders: readonly TErpOrderRecord[];
  workCenterMap: TWorkCenterMap;
  /** Cycle time of a new product whose record carries none. */
  defaultIdealCycleTimeSeconds?: number;
};

export type TUpsertCounts = { created: number; updated: number; unchanged: number };

export type TUnmappedWorkCenter = {
  code: string;
  /** Orders (of this sync) that name the code; they are stored without a work center. */
  orders: number;
  problem: "not mapped" | "mapped work center no longer exists";
};

export type TUpsertErpResult = {
  products: TUpsertCounts;
  orders: TUpsertCounts & { rejected: number };
  /** `index` points into the input `orders`, so the caller can report its own payload or line number. */
  rejectedOrders: { index: number; externalId: string; reason: string }[];
  unmappedWorkCenters: TUnmappedWorkCenter[];
  /** Records that appeared again in the same input; the latest one counted, these did not. */
  duplicates: number;
  /** Lifecycle events for what changed, ready for the ingest queue. */
  events: TOrderLifecycleEvent[];
};

const DEFAULT_IDEAL_CYCLE_TIME_SECONDS = 60;
/** Keys per read query, far below Postgres' bind-parameter limit. */
const READ_CHUNK = 5_000;

const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

function chunked<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += READ_CHUNK) out.push(values.slice(start, start + READ_CHUNK));
  return out;
}

async function currentTenantId(tx: Tx): Promise<string> {
  const rows = await tx.$queryRaw<{ tenantId: string | null }[]>`SELECT gemba_current_tenant()::text AS "tenantId"`;
  const tenantId = rows[0]?.tenantId;
  if (!tenantId) throw new Error("upsertErpRecords must run inside a tenant transaction (withTenant).");
  return tenantId;
}

/** The last record per key wins; for orders the latest ERP change wins, ties going to the later one. */
function latestOrders(orders: readonly TErpOrderRecord[]): { kept: Map<string, number>; duplicates: number } {
  const kept = new Map<string, number>();
  orders.forEach((order, index) => {
    const previous = kept.get(order.externalId);
    const previousOrder = previous === undefined ? undefined : orders[previous];
    if (!previousOrder || previousOrder.lastChangedAt.getTime() <= order.lastChangedAt.getTime()) {
      kept.set(order.externalId, index);
    }
  });
  return { kept, duplicates: orders.length - kept.size };
}

function orderValuesEqual(a: TOrderValues, b: TOrderValues): boolean {
  return (
    a.productId === b.productId &&
    a.workCenterId === b.workCenterId &&
    a.quantity === b.quantity &&
    a.status === b.status &&
    sameTime(a.plannedStart, b.plannedStart) &&
    sameTime(a.dueAt, b.dueAt) &&
    sameTime(a.releasedAt, b.releasedAt) &&
    sameTime(a.startedAt, b.startedAt) &&
    sameTime(a.completedAt, b.completedAt)
  );
}

/**
 * Stores ERP products and production orders idempotently inside the caller's tenant transaction:
 * products by SKU, orders by external id. New rows are inserted, rows whose values changed are
 * updated, and rows that did not change are not written at all, so their `updatedAt` stays and a
 * re-sync changes nothing. Existing rows are read in one query per 5,000 keys and writes go out
 * in bulk, so a sync of thousands of orders costs a handful of round trips.
 *
 * An order whose material is neither a known product nor in this sync is rejected (with the
 * reason), never stored with an invented product. An ERP work center code that the connector's
 * table does not map is not an error: the order is stored without a work center and the code is
 * reported, so the admin can complete the table.
 */
export async function upsertErpRecords(tx: Tx, input: TUpsertErpInput): Promise<TUpsertErpResult> {
  const tenantId = await currentTenantId(tx);
  const defaultCycle = input.defaultIdealCycleTimeSeconds ?? DEFAULT_IDEAL_CYCLE_TIME_SECONDS;

  const productRecords = new Map(input.products.map((product) => [product.sku, product]));
  const { kept: keptOrders, duplicates: orderDuplicates } = latestOrders(input.orders);
  const skus = [...new Set([...productRecords.keys(), ...input.orders.map((order) => order.sku)])];

  // ── products ──
  const productIdBySku = new Map<string, string>();
  const productCounts: TUpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  const productInserts: TProductInsert[] = [];
  const productUpdates: TProductUpdate[] = [];
  for (const chunk of chunked(skus)) {
    const existing = await tx.product.findMany({
      where: { sku: { in: chunk } },
      select: { id: true, sku: true, name: true, idealCycleTimeSeconds: true },
    });
    for (const row of existing) {
      productIdBySku.set(row.sku, row.id);
      const record = productRecords.get(row.sku);
      if (!record) continue;
      const idealCycleTimeSeconds = record.idealCycleTimeSeconds ?? row.idealCycleTimeSeconds;
      if (record.name === row.name && idealCycleTimeSeconds === row.idealCycleTimeSeconds) {
        productCounts.unchanged += 1;
      } else {
        productUpdates.push({ id: row.id, name: record.name, idealCycleTimeSeconds });
      }
    }
  }
  for (const record of productRecords.values()) {
    if (productIdBySku.has(record.sku)) continue;
    productInserts.push({
      sku: record.sku,
      name: record.name,
      idealCycleTimeSeconds: record.idealCycleTimeSeconds ?? defaultCycle,
    });
  }
  for (const created of await insertProducts(tx, tenantId, productInserts)) productIdBySku.set(created.sku, created.id);
  await updateProducts(tx, productUpdates);
  productCounts.created = productInserts.length;
  productCounts.updated = productUpdates.length;

  // ── work centers: a mapped id must still exist in this tenant ──
  const mappedIds = [...new Set(input.workCenterMap.values())];
  const liveWorkCenters = new Set<string>();
  if (mappedIds.length > 0 && input.orders.some((order) => order.erpWorkCenter)) {
    const rows = await tx.workCenter.findMany({ where: { id: { in: mappedIds } }, select: { id: true } });
    for (const row of rows) liveWorkCenters.add(row.id);
  }
  const unmapped = new Map<string, TUnmappedWorkCenter>();
  const resolveWorkCenter = (code: string | null | undefined): string | null | undefined => {
    if (code === undefined) return undefined;
    if (code === null || code.trim() === "") return null;
    const normalized = normalizeWorkCenterCode(code);
    const id = input.workCenterMap.get(normalized);
    if (id !== undefined && liveWorkCenters.has(id)) return id;
    const note = unmapped.get(normalized) ?? {
      code: normalized,
      orders: 0,
      problem: id === undefined ? "not mapped" : "mapped work center no longer exists",
    };
    note.orders += 1;
    unmapped.set(normalized, note);
    return null;
  };

  // ── orders ──
  const existingOrders = new Map<string, TOrderValues & { id: string }>();
  for (const chunk of chunked([...keptOrders.keys()])) {
    const rows = await tx.productionOrder.findMany({
      where: { externalId: { in: chunk } },
      select: {
        id: true,
        externalId: true,
        productId: true,
        workCenterId: true,
        quantity: true,
        status: true,
        plannedStart: true,
        dueAt: true,
        releasedAt: true,
        startedAt: true,
        completedAt: true,
      },
    });
    for (const { externalId, ...row } of rows) existingOrders.set(externalId, row);
  }

  const orderCounts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rejectedOrders: TUpsertErpResult["rejectedOrders"] = [];
  const orderInserts: TOrderInsert[] = [];
  const orderUpdates: TOrderUpdate[] = [];
  const events: TOrderLifecycleEvent[] = [];
  for (const [externalId, index] of keptOrders) {
    const record = input.orders[index];
    if (!record) continue;
    const productId = productIdBySku.get(record.sku);
    if (productId === undefined) {
      rejectedOrders.push({
        index,
        externalId,
        reason: `order ${externalId}: material "${record.sku}" is not a known product and is not in this sync; import the product first (ERP product list or a products CSV)`,
      });
      continue;
    }
    const existing = existingOrders.get(externalId);
    const workCenterId = resolveWorkCenter(record.erpWorkCenter);
    const keep = <T>(value: T | undefined, current: T | undefined, fallback: T): T =>
      value !== undefined ? value : current !== undefined ? current : fallback;
    const next: TOrderValues = {
      productId,
      workCenterId: keep(workCenterId, existing?.workCenterId, null),
      quantity: record.quantity,
      status: keep(record.status, existing?.status, "PLANNED"),
      plannedStart: keep(record.plannedStart, existing?.plannedStart, null),
      dueAt: record.dueAt,
      releasedAt: keep(record.releasedAt, existing?.releasedAt, null),
      startedAt: keep(record.startedAt, existing?.startedAt, null),
      completedAt: keep(record.completedAt, existing?.completedAt, null),
    };
    if (existing && orderValuesEqual(existing, next)) {
      orderCounts.unchanged += 1;
      continue;
    }
    if (existing) orderUpdates.push({ id: existing.id, ...next });
    else orderInserts.push({ externalId, ...next });
    events.push(
      ...orderLifecycleEvents({
        sourceId: input.sourceId,
        externalId,
        workCenterId: next.workCenterId,
        before: existing ? { status: existing.status, quantity: existing.quantity } : null,
        after: { ...next, lastChangedAt: record.lastChangedAt },
      }),
    );
  }
  await insertOrders(tx, tenantId, orderInserts);
  await updateOrders(tx, orderUpdates);
  orderCounts.created = orderInserts.length;
  orderCounts.updated = orderUpdates.length;
  orderCounts.rejected = rejectedOrders.length;

  return {
    products: productCounts,
    orders: orderCounts,
    rejectedOrders,
    unmappedWorkCenters: [...unmapped.values()],
    duplicates: orderDuplicates + (input.products.length - productRecords.size),
    events,
  };
}
