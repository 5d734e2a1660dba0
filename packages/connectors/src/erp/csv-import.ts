import { workCenterMapFrom } from "@gemba/db/erp/erp-records";
import { type TUnmappedWorkCenter, upsertErpRecords } from "@gemba/db/erp/upsert-erp-records";
import type { Tx } from "@gemba/db/tenant-scope";
import type { TOrderLifecycleEvent } from "@gemba/domain/events/canonical-events";
import type { TCsvUploadConfig } from "./config";
import { parseOrdersCsv, parseProductsCsv, type TCsvKind, type TCsvRejectedLine } from "./csv";
import { describeUnmapped } from "./sync-summary";

export type TCsvImportInput = {
  /** Source id of the lifecycle events (the connector id). */
  sourceId: string;
  kind: TCsvKind;
  /** The file's content, decoded (UTF-8; a byte order mark is fine). */
  text: string;
  config: TCsvUploadConfig;
  /** Upload time: change time of orders whose file has no "last changed" column. */
  now?: Date;
};

export type TCsvImportResult = {
  kind: TCsvKind;
  delimiter: string;
  /** For the run history: lines read, created, updated, unchanged, rejected, events, unmapped work center orders. */
  counts: Record<string, number>;
  /** Every line not imported, with its number and reason, in file order. */
  rejected: TCsvRejectedLine[];
  events: TOrderLifecycleEvent[];
  unmappedWorkCenters: TUnmappedWorkCenter[];
  message: string;
};

/**
 * Imports an uploaded CSV of orders or products inside the caller's tenant transaction: parses it
 * (throwing AppError BAD_REQUEST for a file that cannot be read at all, before anything is
 * written), stores the good lines idempotently, and reports every bad line. Uploading the same
 * file twice changes nothing and emits no events.
 */
export async function importCsvFile(tx: Tx, input: TCsvImportInput): Promise<TCsvImportResult> {
  const { config } = input;
  const now = input.now ?? new Date();
  const parsed =
    input.kind === "orders"
      ? {
          kind: "orders" as const,
          ...parseOrdersCsv(input.text, { dateFormat: config.dateFormat, timeZone: config.timeZone, now }),
        }
      : { kind: "products" as const, ...parseProductsCsv(input.text) };

  const orders = parsed.kind === "orders" ? parsed.records : [];
  const products = parsed.kind === "products" ? parsed.records : [];
  const result = await upsertErpRecords(tx, {
    sourceId: input.sourceId,
    products: products.map((entry) => entry.record),
    orders: orders.map((entry) => entry.record),
    workCenterMap: workCenterMapFrom(config.workCenters),
    defaultIdealCycleTimeSeconds: config.defaultIdealCycleTimeSeconds,
  });

  const rejected = [...parsed.rejected];
  for (const problem of result.rejectedOrders) {
    const entry = orders[problem.index];
    if (entry) rejected.push({ line: entry.line, reason: problem.reason, payload: entry.payload });
  }
  rejected.sort((a, b) => a.line - b.line);

  const stored = parsed.kind === "orders" ? result.orders : result.products;
  const unmappedOrders = result.unmappedWorkCenters.reduce((sum, note) => sum + note.orders, 0);
  const counts = {
    read: parsed.records.length + parsed.rejected.length,
    created: stored.created,
    updated: stored.updated,
    unchanged: stored.unchanged,
    rejected: rejected.length,
    events: result.events.length,
    unmappedWorkCenterOrders: unmappedOrders,
  };
  const noun = parsed.kind === "orders" ? "order" : "product";
  const message = [
    `${counts.read} ${noun} lines read: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected`,
    counts.events > 0 ? `${counts.events} lifecycle events` : "",
    describeUnmapped(result.unmappedWorkCenters),
  ]
    .filter(Boolean)
    .join("; ");

  return {
    kind: parsed.kind,
    delimiter: parsed.delimiter,
    counts,
    rejected,
    events: result.events,
    unmappedWorkCenters: result.unmappedWorkCenters,
    message,
  };
}
