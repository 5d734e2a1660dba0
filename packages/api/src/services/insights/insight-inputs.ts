import { LIST_CURSOR_PATTERN } from "@gemba/domain/decisions/list-cursor";
import { INSIGHT_KINDS, INSIGHT_STATUSES } from "@gemba/domain/insights/insight";
import { z } from "zod";

export const ZListInsightsInput = z
  .object({
    kind: z.enum(INSIGHT_KINDS).optional(),
    lineId: z.uuid().optional(),
    workCenterId: z.uuid().optional(),
    status: z.enum(INSIGHT_STATUSES).optional(),
    /** Also show insights of detectors that are switched off or that feedback has suppressed. */
    includeSuppressed: z.boolean().default(false),
    /** nextCursor of the previous page. */
    /** nextCursor of the previous page: "<detectedAt ms>.<id>", the same shape as the decision log's. */
    cursor: z.string().regex(LIST_CURSOR_PATTERN, "This page link is out of date; reload the list.").nullish(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .default({ includeSuppressed: false, limit: 25 });
export type TListInsightsInput = z.infer<typeof ZListInsightsInput>;

export const ZInsightRefInput = z.object({ insightId: z.uuid() });

export const ZSetInsightStatusInput = z.object({
  insightId: z.uuid(),
  status: z.enum(["ACKNOWLEDGED", "ACTED_ON", "DISMISSED"]),
  dismissReason: z.string().trim().max(500).optional(),
});
export type TSetInsightStatusInput = z.infer<typeof ZSetInsightStatusInput>;

export const ZInsightFeedbackInput = z.object({
  insightId: z.uuid(),
  useful: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type TInsightFeedbackInput = z.infer<typeof ZInsightFeedbackInput>;

export const ZSetDetectorSettingInput = z.object({ kind: z.enum(INSIGHT_KINDS), enabled: z.boolean() });

const MAX_CHART_SPAN_MS = 31 * 86_400_000;

/** Epoch ms; the end's minimum sits above the start's so a generated sample is a valid (if empty) span. */
const ZSpanFields = { from: z.number().int().min(0), to: z.number().int().min(1) };

function checkSpan(span: { from: number; to: number; stepMs?: number }, ctx: z.RefinementCtx) {
  if (span.from >= span.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end must come after the start." });
  if (span.to - span.from > MAX_CHART_SPAN_MS) {
    ctx.addIssue({
      code: "custom",
      path: ["from"],
      message: "Pick at most 31 days: a longer chart has too many points to read.",
    });
  }
  if (span.stepMs && (span.to - span.from) / span.stepMs > MAX_BUCKETS) {
    ctx.addIssue({
      code: "custom",
      path: ["stepMs"],
      message: "Too many buckets for this period: pick a larger step.",
    });
  }
}

/** A plain union (not discriminated) so its JSON schema is an anyOf the cross-tenant probe can sample. */
export const ZSpcMeasure = z.union([
  z.object({ kind: z.literal("CYCLE_TIME") }),
  z.object({ kind: z.literal("SCRAP_RATE") }),
  z.object({ kind: z.literal("TELEMETRY"), tag: z.string().min(1).max(200) }),
]);

export const ZSpcSignalsInput = z.object({ workCenterId: z.uuid() });

export const ZSpcChartInput = z
  .object({ workCenterId: z.uuid(), measure: ZSpcMeasure, ...ZSpanFields })
  .superRefine(checkSpan);

/** At most this many buckets are drawn, so a long period needs a larger step. */
const MAX_BUCKETS = 400;

export const ZBottleneckChartInput = z
  .object({
    lineId: z.uuid(),
    stepMs: z
      .number()
      .int()
      .min(5 * 60_000)
      .max(86_400_000),
    ...ZSpanFields,
  })
  .superRefine(checkSpan);
