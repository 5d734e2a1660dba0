import type { TErpOrderRecord, TErpProductRecord } from "@gemba/db/erp/erp-records";
import { workCenterMapFrom } from "@gemba/db/erp/erp-records";
import { upsertErpRecords } from "@gemba/db/erp/upsert-erp-records";
import type { TPollContext, TPollResult, TRejectedInputReport } from "../framework/definition";
import type { TErpODataConfig, TErpSecrets } from "./config";
import { entitySetUrl, erpClient, plantFilter } from "./erp-service";
import { mapODataOrder, mapODataProduct, ORDER_FIELDS, readODataDate } from "./map-records";
import { readEntitySet, type TODataRow } from "./odata-client";
import { describeUnmapped, plural } from "./sync-summary";

/** The ERP change time up to which everything has been read (ISO 8601); null before the first sync. */
export type TErpCursor = { lastModified: string | null };

/**
 * Each delta re-reads this much before the watermark. Rows changed in the same second as the last
 * one read, or saved a moment later by a transaction that began earlier, would otherwise be
 * missed; re-reading them is harmless, as unchanged rows are not written.
 */
export const DELTA_OVERLAP_MS = 5_000;

function lastChangeOf(row: TODataRow): number | null {
  try {
    return readODataDate(row, ORDER_FIELDS.lastChange)?.getTime() ?? null;
  } catch {
    return null;
  }
}

/**
 * One sync of production orders (and products) from an OData V4 ERP service. Reads everything
 * changed since the cursor, then stores it in one tenant transaction: nothing is written unless
 * every page was read, so a failed run can simply run again.
 *
 * Orders are read before products, and only the orders' change times move the watermark: an
 * order is always created after its material, so every material an order read here refers to is
 * already visible when products are read; and a change saved while the run reads is newer than
 * what it has read, so the next delta finds it.
 */
export async function syncErpOrders(
  context: TPollContext<TErpODataConfig, TErpSecrets, TErpCursor>,
): Promise<TPollResult<TErpCursor>> {
  const { config } = context;
  const client = erpClient(config, context.secrets, context.signal);
  const previous = context.cursor?.lastModified ?? null;
  const since = previous === null ? null : new Date(Date.parse(previous) - DELTA_OVERLAP_MS);
  const delta = since === null ? undefined : `${ORDER_FIELDS.lastChange} gt ${since.toISOString()}`;
  const paging = { paging: config.paging, pageSize: config.pageSize };

  const orders = await readEntitySet(client, {
    url: entitySetUrl(config.serviceUrl, config.ordersEntitySet),
    filter: [plantFilter(config.plant), delta].filter(Boolean).join(" and ") || undefined,
    // The key breaks ties, so $skip/$top paging is stable when many orders share a change time.
    orderBy: `${ORDER_FIELDS.lastChange},${ORDER_FIELDS.order}`,
    ...paging,
  });
  const products = config.productsEntitySet
    ? await readEntitySet(client, {
        url: entitySetUrl(config.serviceUrl, config.productsEntitySet),
        filter: delta,
        orderBy: ORDER_FIELDS.lastChange,
        ...paging,
      })
    : { rows: [], pages: 0 };

  const rejected: TRejectedInputReport[] = [];
  const productRecords: TErpProductRecord[] = [];
  for (const row of products.rows) {
    const mapped = mapODataProduct(row);
    if (mapped.ok) productRecords.push(mapped.record);
    else rejected.push({ stage: "mapping", reason: mapped.reason, payload: mapped.payload });
  }
  const productsRejected = rejected.length;
  const orderRecords: TErpOrderRecord[] = [];
  const orderRows: TODataRow[] = [];
  let watermark = previous === null ? null : Date.parse(previous);
  for (const row of orders.rows) {
    const changed = lastChangeOf(row);
    if (changed !== null && (watermark === null || changed > watermark)) watermark = changed;
    const mapped = mapODataOrder(row);
    if (mapped.ok) {
      orderRecords.push(mapped.record);
      orderRows.push(row);
    } else rejected.push({ stage: "mapping", reason: mapped.reason, payload: mapped.payload });
  }

  context.signal.throwIfAborted();
  const stored = await context.inTenant((tx) =>
    upsertErpRecords(tx, {
      sourceId: context.sourceId,
      products: productRecords,
      orders: orderRecords,
      workCenterMap: workCenterMapFrom(config.workCenters),
      defaultIdealCycleTimeSeconds: config.defaultIdealCycleTimeSeconds,
    }),
  );
  for (const problem of stored.rejectedOrders) {
    rejected.push({ stage: "mapping", reason: problem.reason, payload: orderRows[problem.index] ?? null });
  }

  const counts = {
    read: orders.rows.length,
    created: stored.orders.created,
    updated: stored.orders.updated,
    unchanged: stored.orders.unchanged,
    rejected: rejected.length - productsRejected,
    events: stored.events.length,
    productsRead: products.rows.length,
    productsCreated: stored.products.created,
    productsUpdated: stored.products.updated,
    productsUnchanged: stored.products.unchanged,
    productsRejected,
    unmappedWorkCenterOrders: stored.unmappedWorkCenters.reduce((sum, note) => sum + note.orders, 0),
    duplicates: stored.duplicates,
    pages: orders.pages + products.pages,
  };
  const scope = since === null ? "full sync" : `changed since ${since.toISOString()}`;
  const message = [
    `${plural(counts.read, "order")} read (${scope}): ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected`,
    config.productsEntitySet
      ? `${plural(counts.productsRead, "product")}: ${counts.productsCreated} created, ${counts.productsUpdated} updated, ${counts.productsRejected} rejected`
      : "",
    counts.events > 0 ? plural(counts.events, "lifecycle event") : "",
    describeUnmapped(stored.unmappedWorkCenters),
  ]
    .filter(Boolean)
    .join("; ");

  return {
    events: stored.events,
    rejected,
    cursor: { lastModified: watermark === null ? null : new Date(watermark).toISOString() },
    counts,
    message,
  };
}
