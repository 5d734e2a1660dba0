import type { TErpOrderRecord, TErpProductRecord } from "@gemba/db/erp/erp-records";
import { OrderStatus } from "@gemba/db/generated/prisma/enums";
import { z } from "zod";

/** What a source row turns into: a record to store, or the reason it cannot be (with the row, for a retry). */
export type TMapped<T> = { ok: true; record: T } | { ok: false; reason: string; payload: unknown };

// The order number ends up in lifecycle events, whose payload allows 100 characters.
const ZKey = z.string().trim().min(1).max(100);
const ZMoment = z.date().nullable().optional();

export const ZErpOrderRecord = z
  .object({
    externalId: ZKey,
    sku: ZKey,
    quantity: z.int().positive().max(2_000_000_000),
    status: z.enum(OrderStatus).optional(),
    plannedStart: ZMoment,
    dueAt: z.date(),
    releasedAt: ZMoment,
    startedAt: ZMoment,
    completedAt: ZMoment,
    erpWorkCenter: z.string().trim().max(64).nullable().optional(),
    lastChangedAt: z.date(),
  })
  .strict() satisfies z.ZodType<TErpOrderRecord>;

export const ZErpProductRecord = z
  .object({
    sku: ZKey,
    name: z.string().trim().min(1).max(200),
    idealCycleTimeSeconds: z.number().positive().max(86_400).optional(),
  })
  .strict() satisfies z.ZodType<TErpProductRecord>;

const FIELD_LABELS: Record<string, string> = {
  externalId: "order number",
  sku: "material",
  quantity: "quantity",
  status: "status",
  plannedStart: "planned start",
  dueAt: "due date",
  releasedAt: "release date",
  startedAt: "actual start",
  completedAt: "actual end",
  erpWorkCenter: "work center",
  lastChangedAt: "last change time",
  name: "name",
  idealCycleTimeSeconds: "ideal cycle time",
};

function show(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString();
  return JSON.stringify(value) ?? String(value);
}

/** Validates a mapped record; problems name the field and the value, e.g. `quantity 12.5: expected an integer`. */
export function validateRecord<T>(
  schema: z.ZodType<T>,
  candidate: Record<string, unknown>,
  labels: Record<string, string> = {},
): { ok: true; record: T } | { ok: false; reason: string } {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { ok: true, record: parsed.data };
  const reason = parsed.error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? "");
      const label = labels[field] ?? FIELD_LABELS[field] ?? field;
      return `${label} ${show(candidate[field])}: ${issue.message}`;
    })
    .join("; ");
  return { ok: false, reason };
}

/**
 * SAP shows numeric order and material numbers without their leading zeros (ALPHA conversion),
 * and Excel drops them too; normalizing the same way makes a CSV and the API name one order alike.
 */
export function normalizeKey(value: string): string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, "") : trimmed;
}
