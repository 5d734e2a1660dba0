import { z } from "zod";

/**
 * What is written to the automation outbox (`AutomationSignal`) in the same transaction as its
 * cause. The engine reads these back, so each payload is validated on both sides.
 */
export const ZEventsSignalPayload = z.object({
  /** Ids of the stored events a rule may listen to (bigint ids as strings). */
  eventIds: z.array(z.string().regex(/^\d+$/)).min(1).max(20_000),
});

export const ZChecklistFailedSignalPayload = z.object({
  runId: z.uuid(),
  templateId: z.uuid(),
  templateName: z.string(),
  workCenterId: z.uuid(),
  orderId: z.uuid().nullable(),
  stepId: z.string(),
  stepTitle: z.string(),
  /** The answer as the operator gave it, for the task text ("84.2 mm"). */
  valueText: z.string(),
  outOfLimit: z.boolean(),
  failed: z.boolean(),
});

export const ZInsightCreatedSignalPayload = z.object({
  insightId: z.uuid(),
  insightKind: z.string(),
  workCenterId: z.uuid().nullable(),
  title: z.string(),
});

export const automationSignalPayloads = {
  events: ZEventsSignalPayload,
  "checklist.failed": ZChecklistFailedSignalPayload,
  "insight.created": ZInsightCreatedSignalPayload,
} as const;

export type TAutomationSignalKind = keyof typeof automationSignalPayloads;
export type TAutomationSignalPayload<K extends TAutomationSignalKind> = z.infer<(typeof automationSignalPayloads)[K]>;
