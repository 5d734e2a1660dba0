import { z } from "zod";
import { ROLES } from "../roles";

/**
 * A rule: when (trigger) → if (conditions) → do (actions). Stored as `Rule.definition` and
 * validated here on the way in (API) and on the way out (worker), so an old or hand-edited row
 * that no longer fits fails loudly with a reason instead of acting wrongly.
 */

export const EXECUTION_STATES = ["RUNNING", "IDLE", "DOWN", "PLANNED_STOP", "NO_SHIFT", "UNKNOWN"] as const;
export const ZExecutionState = z.enum(EXECUTION_STATES);

const ZRole = z.enum(ROLES);
const ZUuid = z.uuid();
const ZText = (max: number) => z.string().trim().min(1).max(max);

/** A field of an event's payload equal to a value, e.g. { path: "type", equals: "ANDON_CALLED" }. */
export const ZPayloadMatch = z.object({
  path: z
    .string()
    .regex(/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/, "a payload field such as type or reasonCode (dots for nesting)"),
  equals: z.union([z.string().max(200), z.number(), z.boolean()]),
});

export const ZEventTrigger = z.object({
  kind: z.literal("EVENT"),
  /** Canonical event kinds ("operator.activity", "machine.state", …); any of them fires. */
  eventKinds: z.array(ZText(64)).min(1).max(10),
  /** All must hold. */
  payloadMatches: z.array(ZPayloadMatch).max(5).default([]),
});

export const ZStateDurationTrigger = z.object({
  kind: z.literal("STATE_DURATION"),
  state: ZExecutionState,
  /** Fires once per stretch of the state, when it has lasted this long. */
  minutes: z
    .int()
    .min(1)
    .max(24 * 60),
  /** Only stops nobody has given a reason yet. */
  unclassifiedOnly: z.boolean().default(false),
});

export const ZMetricThresholdTrigger = z.object({
  kind: z.literal("METRIC_THRESHOLD"),
  /** A telemetry tag ("spindle_temp") or "cycle_time_s" / "scrap_rate" if a detector publishes them as telemetry. */
  tag: ZText(200),
  direction: z.enum(["ABOVE", "BELOW"]),
  threshold: z.number(),
  /** Fires when the value crosses the threshold, not on every reading beyond it. */
});

export const ZScheduleTrigger = z.object({
  kind: z.literal("SCHEDULE"),
  /** Local times of day in the site's time zone, "HH:MM". */
  times: z
    .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day such as 06:00"))
    .min(1)
    .max(24),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.int().min(1).max(7)).min(1).max(7),
});

export const ZInsightCreatedTrigger = z.object({
  kind: z.literal("INSIGHT_CREATED"),
  /** Insight kinds (issue 6: "SPC", "ANOMALY", "BOTTLENECK", …); empty means any. */
  insightKinds: z.array(ZText(64)).max(10).default([]),
});

export const ZChecklistFailedTrigger = z.object({
  kind: z.literal("CHECKLIST_FAILED"),
  /** Templates to watch; empty means any checklist. */
  templateIds: z.array(ZUuid).max(20).default([]),
});

export const ZRuleTrigger = z.discriminatedUnion("kind", [
  ZEventTrigger,
  ZStateDurationTrigger,
  ZMetricThresholdTrigger,
  ZScheduleTrigger,
  ZInsightCreatedTrigger,
  ZChecklistFailedTrigger,
]);

/** Every list that is given must contain the signal's value; an empty or missing list means any. */
export const ZRuleConditions = z.object({
  workCenterIds: z.array(ZUuid).max(200).default([]),
  lineIds: z.array(ZUuid).max(100).default([]),
  /** Shift names from the site calendar ("Early", "Night"). */
  shiftNames: z.array(ZText(64)).max(20).default([]),
  productIds: z.array(ZUuid).max(200).default([]),
  reasonCodes: z.array(ZText(64)).max(100).default([]),
  /** Local time of day in the site's zone, "HH:MM"–"HH:MM" (may wrap midnight), optional weekdays. */
  timeWindow: z
    .object({
      from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      weekdays: z.array(z.int().min(1).max(7)).max(7).default([]),
    })
    .nullable()
    .default(null),
});

/** A rung of an escalation ladder: if the task is still not acknowledged after this long, it goes to this role. */
export const ZEscalationStep = z.object({
  role: ZRole,
  afterMinutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60),
});

/** Title and detail may use placeholders: {workCenter}, {line}, {state}, {minutes}, {reason}, {value}, {rule}, {checklist}, {step}, {insight} (the insight's title). */
export const ZCreateTaskAction = z.object({
  kind: z.literal("CREATE_TASK"),
  title: ZText(200),
  detail: z.string().max(2000).default(""),
  assigneeRole: ZRole,
  priority: z.enum(["LOW", "NORMAL", "HIGH", "URGENT"]).default("NORMAL"),
  /** Due this many minutes after firing; null for no due time. */
  dueInMinutes: z
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .nullable()
    .default(null),
  /** Each rung re-assigns the still unacknowledged task to the next role and notifies it. */
  escalation: z.array(ZEscalationStep).max(5).default([]),
});

export const ZEmailAction = z.object({
  kind: z.literal("EMAIL"),
  /** Addresses, and/or every member holding these roles. */
  to: z.array(z.email()).max(20).default([]),
  toRoles: z.array(ZRole).max(3).default([]),
  subject: ZText(200),
  body: z.string().max(5000).default(""),
});

export const ZWebhookAction = z.object({
  kind: z.literal("WEBHOOK"),
  endpointId: ZUuid,
});

export const ZStartChecklistAction = z.object({
  kind: z.literal("START_CHECKLIST"),
  templateId: ZUuid,
});

export const ZAttachToDecisionAction = z.object({
  kind: z.literal("ATTACH_TO_DECISION"),
  /** The triggering evidence (event, downtime, checklist run) is linked to this decision. */
  decisionId: ZUuid,
});

export const ZRuleAction = z.discriminatedUnion("kind", [
  ZCreateTaskAction,
  ZEmailAction,
  ZWebhookAction,
  ZStartChecklistAction,
  ZAttachToDecisionAction,
]);

export const ZRuleDefinition = z
  .object({
    trigger: ZRuleTrigger,
    conditions: ZRuleConditions.default(ZRuleConditions.parse({})),
    actions: z.array(ZRuleAction).min(1, "a rule needs at least one action").max(10),
  })
  .superRefine((rule, context) => {
    const needsWorkCenter = rule.actions.some((action) => action.kind === "START_CHECKLIST");
    if (needsWorkCenter && rule.trigger.kind === "SCHEDULE" && rule.conditions.workCenterIds.length !== 1) {
      context.addIssue({
        code: "custom",
        path: ["conditions", "workCenterIds"],
        message: "a scheduled rule that starts a checklist must name exactly one work center",
      });
    }
    for (const [index, action] of rule.actions.entries()) {
      if (action.kind !== "EMAIL") continue;
      if (action.to.length === 0 && action.toRoles.length === 0) {
        context.addIssue({
          code: "custom",
          path: ["actions", index, "to"],
          message: "an e-mail needs at least one address or role",
        });
      }
    }
  });

export type TRuleTrigger = z.infer<typeof ZRuleTrigger>;
export type TRuleTriggerKind = TRuleTrigger["kind"];
export type TRuleConditions = z.infer<typeof ZRuleConditions>;
export type TRuleAction = z.infer<typeof ZRuleAction>;
export type TRuleActionKind = TRuleAction["kind"];
export type TEscalationStep = z.infer<typeof ZEscalationStep>;
export type TRuleDefinition = z.infer<typeof ZRuleDefinition>;
/** What an editor or API caller hands in: defaults may be left out. */
export type TRuleDefinitionInput = z.input<typeof ZRuleDefinition>;
