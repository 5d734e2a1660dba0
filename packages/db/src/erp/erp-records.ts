import type { OrderStatus } from "../generated/prisma/enums";

/**
 * Planning data as an ERP (or a plant's CSV export) states it, already validated and mapped by
 * the connector. Optional fields distinguish "the source does not say" (undefined: keep what
 * Gemba has) from "the source says there is none" (null: clear it), so a CSV without a status
 * or work-center column never wipes what an earlier, richer sync stored.
 */
export type TErpProductRecord = {
  sku: string;
  name: string;
  /** Undefined when the ERP carries no cycle time: new products get the connector's default, existing ones keep theirs. */
  idealCycleTimeSeconds?: number;
};

export type TErpOrderRecord = {
  /** The ERP's order number (SAP ManufacturingOrder); the idempotency key. */
  externalId: string;
  /** Material number of the product made; must be a known product or one in the same sync. */
  sku: string;
  quantity: number;
  /** Undefined when the source has no status: a new order starts PLANNED, an existing one keeps its status. */
  status?: OrderStatus;
  plannedStart?: Date | null;
  dueAt: Date;
  releasedAt?: Date | null;
  startedAt?: Date | null;
  completedAt?: Date | null;
  /** The ERP's work center code, mapped through the connector's work-center table. */
  erpWorkCenter?: string | null;
  /** When the ERP last changed the order: event time of lifecycle events and part of their dedupe key. */
  lastChangedAt: Date;
};

/** ERP work center code (normalized with `normalizeWorkCenterCode`) → Gemba work center id. */
export type TWorkCenterMap = ReadonlyMap<string, string>;

/** ERP codes are matched ignoring case and surrounding blanks ("press01 " is PRESS01). */
export function normalizeWorkCenterCode(code: string): string {
  return code.trim().toUpperCase();
}

export function workCenterMapFrom(entries: readonly { erpWorkCenter: string; workCenterId: string }[]): TWorkCenterMap {
  return new Map(entries.map((entry) => [normalizeWorkCenterCode(entry.erpWorkCenter), entry.workCenterId]));
}
