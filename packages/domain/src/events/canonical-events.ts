import { z } from "zod";

export { DEFAULT_REASON_CODES, type TReasonCode, ZReasonCode } from "../reasons/default-reasons";

/**
 * The states a machine (or a connector on its behalf) reports. NO_SHIFT and UNKNOWN are not
 * reported: they are derived from the shift calendar and from missing signals.
 */
export const REPORTED_MACHINE_STATES = ["RUNNING", "IDLE", "DOWN", "PLANNED_STOP"] as const;
export const ZReportedMachineState = z.enum(REPORTED_MACHINE_STATES);
export type TReportedMachineState = z.infer<typeof ZReportedMachineState>;

export const ORDER_TRANSITIONS = ["RELEASED", "STARTED", "COMPLETED", "QUANTITY_CHANGED"] as const;
export const OPERATOR_ACTIVITY_TYPES = [
  "INSPECTION_PASSED",
  "INSPECTION_FAILED",
  "CHECKLIST_DONE",
  "ISSUE_RAISED",
  /** The operator pulled the andon cord (the tablet's andon button): help is needed at the work center. */
  "ANDON_CALLED",
] as const;

// Reason codes are free strings: tenants define their own besides the defaults.
const ZReasonCodeString = z.string().min(1).max(64);

/** Fields every event carries besides its kind and payload. */
const envelope = {
  eventTime: z.date(),
  /** Connector id, or a fixed name such as "simulator" or "manual". */
  sourceId: z.string().min(1).max(200),
  /** Unique per tenant and source: re-delivery of the same event is stored once. */
  dedupeKey: z.string().min(1).max(300),
};
const workCenterEnvelope = { ...envelope, workCenterId: z.uuid() };

export const ZMachineStateEvent = z.object({
  kind: z.literal("machine.state"),
  ...workCenterEnvelope,
  payload: z.object({ state: ZReportedMachineState, reasonCode: ZReasonCodeString.optional() }),
});

export const ZProductionCountEvent = z.object({
  kind: z.literal("production.count"),
  ...workCenterEnvelope,
  /** Units produced since the previous count event of the work center (not a running total). */
  payload: z
    .object({ total: z.int().min(0), good: z.int().min(0) })
    .refine((count) => count.good <= count.total, { message: "good must not exceed total", path: ["good"] }),
});

export const ZProductionScrapEvent = z.object({
  kind: z.literal("production.scrap"),
  ...workCenterEnvelope,
  payload: z.object({ quantity: z.int().positive(), reasonCode: ZReasonCodeString }),
});

export const ZTelemetryEvent = z.object({
  kind: z.literal("telemetry"),
  ...workCenterEnvelope,
  payload: z.object({ tag: z.string().min(1).max(200), value: z.number(), unit: z.string().max(32).optional() }),
});

export const ZOrderLifecycleEvent = z.object({
  kind: z.literal("order.lifecycle"),
  ...envelope,
  /** Null when the ERP releases an order before it is assigned to a work center. */
  workCenterId: z.uuid().nullable(),
  payload: z.object({
    orderExternalId: z.string().min(1).max(100),
    transition: z.enum(ORDER_TRANSITIONS),
    quantity: z.int().min(0).optional(),
  }),
});

export const ZOperatorActivityEvent = z.object({
  kind: z.literal("operator.activity"),
  ...workCenterEnvelope,
  payload: z.object({ type: z.enum(OPERATOR_ACTIVITY_TYPES), note: z.string().max(2000).optional() }),
});

export const ZCanonicalEvent = z.discriminatedUnion("kind", [
  ZMachineStateEvent,
  ZProductionCountEvent,
  ZProductionScrapEvent,
  ZTelemetryEvent,
  ZOrderLifecycleEvent,
  ZOperatorActivityEvent,
]);

export type TMachineStateEvent = z.infer<typeof ZMachineStateEvent>;
export type TProductionCountEvent = z.infer<typeof ZProductionCountEvent>;
export type TProductionScrapEvent = z.infer<typeof ZProductionScrapEvent>;
export type TTelemetryEvent = z.infer<typeof ZTelemetryEvent>;
export type TOrderLifecycleEvent = z.infer<typeof ZOrderLifecycleEvent>;
export type TOperatorActivityEvent = z.infer<typeof ZOperatorActivityEvent>;
export type TCanonicalEvent = z.infer<typeof ZCanonicalEvent>;
export type TCanonicalEventKind = TCanonicalEvent["kind"];

export const CANONICAL_EVENT_KINDS = ZCanonicalEvent.options.map((option) => option.shape.kind.value);
