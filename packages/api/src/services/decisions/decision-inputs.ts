import { DECISION_LIMITS, ZDecisionConstraint, ZDecisionOption } from "@gemba/domain/decisions/decision-draft";
import { CONSTRAINT_KINDS } from "@gemba/domain/decisions/decision-kinds";
import { LIST_CURSOR_PATTERN } from "@gemba/domain/decisions/list-cursor";
import { TIMELINE_KINDS } from "@gemba/domain/decisions/why-timeline";
import { z } from "zod";
import { ZIdempotencyKey } from "../tasks/task-inputs";

const ZInstant = z.iso.datetime({ offset: true });
const ZText = (max: number) => z.string().trim().max(max);

/** A stop is keyed by its work center and where it began (StateInterval.stopStart). */
const ZDowntimeKey = { workCenterId: z.uuid(), stopStart: ZInstant };

/** What the decision was logged from; it is linked and its context is captured. */
export const ZDecisionSituation = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("DOWNTIME"), ...ZDowntimeKey }),
  z.object({ kind: z.literal("ORDER"), orderId: z.uuid() }),
  z.object({ kind: z.literal("INSIGHT"), insightId: z.uuid() }),
]);
export type TDecisionSituation = z.infer<typeof ZDecisionSituation>;

/** Evidence: the thing's key; the label is written by the server from what it finds. */
export const ZEvidenceLink = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("EVENT"), eventId: z.string().regex(/^\d{1,19}$/, "An event id is a number.") }),
  z.object({ kind: z.literal("DOWNTIME"), ...ZDowntimeKey }),
  z.object({ kind: z.literal("ORDER"), orderId: z.uuid() }),
  z.object({ kind: z.literal("TASK"), taskId: z.uuid() }),
]);
export type TEvidenceLink = z.infer<typeof ZEvidenceLink>;

export const ZLogDecisionInput = z.object({
  title: ZText(DECISION_LIMITS.title),
  rationale: ZText(DECISION_LIMITS.text),
  options: z.array(ZDecisionOption).max(DECISION_LIMITS.options),
  constraints: z.array(ZDecisionConstraint).max(DECISION_LIMITS.constraints).default([]),
  links: z.array(ZEvidenceLink).max(DECISION_LIMITS.links).default([]),
  expectedOutcome: ZText(DECISION_LIMITS.text),
  /** When to look back at the outcome: creates a follow-up task for the decider. */
  reviewAt: ZInstant.optional(),
  situation: ZDecisionSituation.optional(),
  /** Where it applies; left out, the situation's work center. */
  workCenterId: z.uuid().optional(),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type TLogDecisionInput = z.infer<typeof ZLogDecisionInput>;

export const ZDecisionRefInput = z.object({ decisionId: z.uuid() });

export const ZRecordOutcomeInput = z.object({
  decisionId: z.uuid(),
  actualOutcome: z.string().trim().min(1, "Say what actually came of it.").max(DECISION_LIMITS.text),
});

export const ZListDecisionsInput = z
  .object({
    constraintKind: z.enum(CONSTRAINT_KINDS).optional(),
    workCenterId: z.uuid().optional(),
    /** Local dates of the plant, both included. */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    /** Words in the title or rationale. */
    q: z.string().trim().max(100).optional(),
    /** nextCursor of the previous page. */
    cursor: z.string().regex(LIST_CURSOR_PATTERN, "This page link is out of date; reload the list.").nullish(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ["to"],
    message: "The end date must not come before the start date.",
  })
  .default({ limit: 25 });
export type TListDecisionsInput = z.infer<typeof ZListDecisionsInput>;

/**
 * The subject of a "why" timeline. Flat rather than a union so each kind names its own keys:
 * ORDER needs orderId; DOWNTIME workCenterId and stopStart; DECISION decisionId; INSIGHT insightId.
 */
export const ZWhyInput = z
  .object({
    subject: z.enum(["ORDER", "DOWNTIME", "DECISION", "INSIGHT"]),
    orderId: z.uuid().optional(),
    workCenterId: z.uuid().optional(),
    stopStart: ZInstant.optional(),
    decisionId: z.uuid().optional(),
    insightId: z.uuid().optional(),
    /** Only these kinds of entries; left out or empty, all. */
    kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).optional(),
  })
  .superRefine((input, ctx) => {
    const need = (field: "orderId" | "workCenterId" | "stopStart" | "decisionId" | "insightId") => {
      if (!input[field])
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `Give the ${field} of the ${input.subject.toLowerCase()}.`,
        });
    };
    if (input.subject === "ORDER") need("orderId");
    if (input.subject === "DOWNTIME") {
      need("workCenterId");
      need("stopStart");
    }
    if (input.subject === "DECISION") need("decisionId");
    if (input.subject === "INSIGHT") need("insightId");
  });
export type TWhyInput = z.infer<typeof ZWhyInput>;
