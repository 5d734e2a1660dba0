import type { TErpOrderRecord, TErpProductRecord } from "@gemba/db/erp/erp-records";
import type { OrderStatus } from "@gemba/db/generated/prisma/enums";
import type { TODataRow } from "./odata-client";
import { normalizeKey, type TMapped, validateRecord, ZErpOrderRecord, ZErpProductRecord } from "./record-schemas";

/**
 * The production order entity as SAP S/4HANA's OData V4 API (CE_PRODUCTIONORDER_0001, entity set
 * ProductionOrder) delivers it, limited to what Gemba reads. Dates are Edm.DateTimeOffset, flags
 * Edm.Boolean; the V2-style "X"/"" flags and "/Date(…)/" dates are understood too.
 */
export const ORDER_FIELDS = {
  order: "ManufacturingOrder",
  material: "Material",
  plant: "ProductionPlant",
  workCenter: "WorkCenter",
  quantity: "MfgOrderPlannedTotalQty",
  plannedStart: "MfgOrderPlannedStartDateTime",
  plannedEnd: "MfgOrderPlannedEndDateTime",
  scheduledStart: "MfgOrderScheduledStartDateTime",
  scheduledEnd: "MfgOrderScheduledEndDateTime",
  actualRelease: "MfgOrderActualReleaseDateTime",
  actualStart: "MfgOrderActualStartDateTime",
  actualEnd: "MfgOrderActualEndDateTime",
  lastChange: "LastChangeDateTime",
} as const;

/** Status flags, most decisive first: a deleted order is cancelled whatever else it says. */
const STATUS_FLAGS: readonly { flags: readonly string[]; status: OrderStatus }[] = [
  { flags: ["OrderIsDeleted", "OrderIsMarkedForDeletion"], status: "CANCELLED" },
  {
    flags: ["OrderIsTechnicallyCompleted", "OrderIsClosed", "OrderIsConfirmed", "OrderIsDelivered"],
    status: "COMPLETED",
  },
  { flags: ["OrderIsPartiallyConfirmed", "OrderIsPartiallyDelivered"], status: "IN_PROGRESS" },
  { flags: ["OrderIsReleased"], status: "RELEASED" },
];

class FieldProblem extends Error {}

const present = (value: unknown) => value !== undefined && value !== null && value !== "";

// Edm.DateTimeOffset carries up to 7 fractional digits (SAP uses them); JavaScript keeps milliseconds.
const DATE_TIME_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i;
const EDM_DATE = /^\d{4}-\d{2}-\d{2}$/;
const V2_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** An OData date-time, or null when empty; throws a FieldProblem naming the field and value. */
export function readODataDate(row: TODataRow, field: string): Date | null {
  const value = row[field];
  if (!present(value)) return null;
  if (typeof value === "string") {
    const match = DATE_TIME_OFFSET.exec(value);
    const v2 = V2_DATE.exec(value);
    let ms = Number.NaN;
    if (match) ms = Date.parse(`${match[1]}${match[2] ? `.${match[2].slice(0, 3).padEnd(3, "0")}` : ""}${match[3]}`);
    else if (EDM_DATE.test(value)) ms = Date.parse(`${value}T00:00:00Z`);
    else if (v2) ms = Number(v2[1]);
    if (Number.isFinite(ms)) return new Date(ms);
  }
  throw new FieldProblem(`${field} ${JSON.stringify(value)} is not a date-time with a time zone offset`);
}

function readFlag(row: TODataRow, field: string): boolean {
  const value = row[field];
  if (value === undefined || value === null || value === false || value === "" || value === "false") return false;
  if (value === true || value === "X" || value === "x" || value === "true") return true;
  throw new FieldProblem(`${field} ${JSON.stringify(value)} is not a flag (true/false)`);
}

function readText(row: TODataRow, field: string): string | null {
  const value = row[field];
  if (!present(value)) return null;
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  throw new FieldProblem(`${field} ${JSON.stringify(value)} is not text`);
}

function requireText(row: TODataRow, field: string): string {
  const text = readText(row, field);
  if (text === null) throw new FieldProblem(`${field} is missing`);
  return text;
}

/** Edm.Decimal arrives as a number, or as a string when the server serializes IEEE754-compatibly. */
function readQuantity(row: TODataRow, field: string): number {
  const value = row[field];
  const number =
    typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  if (!present(value)) throw new FieldProblem(`${field} is missing`);
  if (!Number.isFinite(number)) throw new FieldProblem(`${field} ${JSON.stringify(value)} is not a number`);
  if (!Number.isInteger(number)) {
    throw new FieldProblem(`${field} ${JSON.stringify(value)} is not a whole number of units (Gemba counts pieces)`);
  }
  return number;
}

export function statusFromFlags(row: TODataRow, hasActualStart: boolean): OrderStatus {
  // Every flag is read (and so checked) before the most decisive one set wins.
  const set = STATUS_FLAGS.map((rule) => rule.flags.map((flag) => readFlag(row, flag)).some(Boolean));
  for (const [index, rule] of STATUS_FLAGS.entries()) {
    if (set[index]) {
      // An order that has actually started is in progress even before its first confirmation.
      return rule.status === "RELEASED" && hasActualStart ? "IN_PROGRESS" : rule.status;
    }
  }
  return "PLANNED";
}

function attempt<T>(
  row: TODataRow,
  build: () => Record<string, unknown>,
  validate: (candidate: Record<string, unknown>) => { ok: true; record: T } | { ok: false; reason: string },
): TMapped<T> {
  try {
    const candidate = build();
    const result = validate(candidate);
    return result.ok ? result : { ok: false, reason: result.reason, payload: row };
  } catch (error) {
    if (error instanceof FieldProblem) return { ok: false, reason: error.message, payload: row };
    throw error;
  }
}

const ODATA_ORDER_LABELS: Record<string, string> = {
  externalId: ORDER_FIELDS.order,
  sku: ORDER_FIELDS.material,
  quantity: ORDER_FIELDS.quantity,
  dueAt: ORDER_FIELDS.plannedEnd,
  erpWorkCenter: ORDER_FIELDS.workCenter,
};

/** One OData production order row → an order record, or the reason it cannot be one. */
export function mapODataOrder(row: TODataRow): TMapped<TErpOrderRecord> {
  const key = row[ORDER_FIELDS.order];
  const order = typeof key === "string" || typeof key === "number" ? normalizeKey(String(key)) : "";
  const prefix = order ? `order ${order}: ` : "";
  const mapped = attempt(
    row,
    () => {
      const F = ORDER_FIELDS;
      const startedAt = readODataDate(row, F.actualStart);
      const dueAt = readODataDate(row, F.plannedEnd) ?? readODataDate(row, F.scheduledEnd);
      if (dueAt === null)
        throw new FieldProblem(`${F.plannedEnd} and ${F.scheduledEnd} are both empty: the order has no due date`);
      const lastChangedAt = readODataDate(row, F.lastChange);
      if (lastChangedAt === null) throw new FieldProblem(`${F.lastChange} is missing`);
      return {
        externalId: normalizeKey(requireText(row, F.order)),
        sku: normalizeKey(requireText(row, F.material)),
        quantity: readQuantity(row, F.quantity),
        status: statusFromFlags(row, startedAt !== null),
        // The scheduled dates come from capacity scheduling and are the better plan; the planned
        // end (basic finish date) is the date the order was promised for.
        plannedStart: readODataDate(row, F.scheduledStart) ?? readODataDate(row, F.plannedStart),
        dueAt,
        releasedAt: readODataDate(row, F.actualRelease),
        startedAt,
        completedAt: readODataDate(row, F.actualEnd),
        erpWorkCenter: readText(row, F.workCenter),
        lastChangedAt,
      };
    },
    (candidate) => validateRecord(ZErpOrderRecord, candidate, ODATA_ORDER_LABELS),
  );
  return mapped.ok ? mapped : { ...mapped, reason: `${prefix}${mapped.reason}` };
}

/** Field names tried, in order, for a product's name and (custom, YY1_) ideal cycle time. */
const PRODUCT_NAME_FIELDS = ["ProductDescription", "MaterialName", "ProductName", "Description"] as const;
const CYCLE_TIME_FIELDS = ["IdealCycleTimeSeconds", "YY1_IdealCycleTimeSeconds", "YY1_IdealCycleTime"] as const;

function productName(row: TODataRow): string | null {
  for (const field of PRODUCT_NAME_FIELDS) {
    const name = readText(row, field);
    if (name !== null) return name;
  }
  // SAP's product API keeps descriptions in a navigation ($expand=_ProductDescription), one per language.
  const descriptions = row._ProductDescription;
  if (Array.isArray(descriptions)) {
    for (const description of descriptions) {
      if (description && typeof description === "object") {
        const name = readText(description as TODataRow, "ProductDescription");
        if (name !== null) return name;
      }
    }
  }
  return null;
}

/** One OData product row → a product record. A product without a description is named by its number. */
export function mapODataProduct(row: TODataRow): TMapped<TErpProductRecord> {
  return attempt(
    row,
    () => {
      const skuField = present(row.Product) ? "Product" : "Material";
      const sku = normalizeKey(requireText(row, skuField));
      const cycleField = CYCLE_TIME_FIELDS.find((field) => present(row[field]));
      const cycle = cycleField === undefined ? undefined : Number(row[cycleField]);
      if (cycleField !== undefined && !Number.isFinite(cycle)) {
        throw new FieldProblem(`${cycleField} ${JSON.stringify(row[cycleField])} is not a number`);
      }
      return { sku, name: productName(row) ?? sku, ...(cycle === undefined ? {} : { idealCycleTimeSeconds: cycle }) };
    },
    (candidate) => validateRecord(ZErpProductRecord, candidate, { sku: "Product" }),
  );
}
