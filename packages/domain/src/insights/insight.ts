import { z } from "zod";

/**
 * What every detector hands over: one finding about one subject, with the numbers behind it, a
 * small chart, a sentence a plant manager understands and what to do about it. Workers store it as
 * an `Insight` row keyed by `dedupeKey`, so seeing the same finding again updates it.
 */
export const INSIGHT_KINDS = [
  "SPC",
  "ANOMALY",
  "BOTTLENECK",
  "RECURRING_DOWNTIME",
  "LATE_ORDER",
  "MAINTENANCE_RISK",
] as const;
export type TInsightKind = (typeof INSIGHT_KINDS)[number];

export const INSIGHT_STATUSES = ["NEW", "ACKNOWLEDGED", "ACTED_ON", "DISMISSED"] as const;
export type TInsightStatus = (typeof INSIGHT_STATUSES)[number];

export const ZInsightEvidence = z.object({
  /** The figures the explanation quotes, in order: { label: "Upper control limit", value: 39.2, unit: "s" }. */
  figures: z
    .array(z.object({ label: z.string().min(1).max(80), value: z.number(), unit: z.string().max(16).optional() }))
    .max(12),
  /** A small chart: the series, reference lines (limits, baseline, due date) and marked points. */
  chart: z
    .object({
      unit: z.string().max(16).optional(),
      points: z.array(z.object({ t: z.number(), value: z.number() })).max(2_000),
      lines: z
        .array(z.object({ label: z.string().max(40), value: z.number() }))
        .max(8)
        .default([]),
      marked: z.array(z.number()).max(500).default([]),
    })
    .nullable(),
});

export const ZInsightDraft = z.object({
  kind: z.enum(INSIGHT_KINDS),
  subject: z.object({
    kind: z.enum(["WORK_CENTER", "LINE", "ORDER", "PRODUCT"]),
    id: z.uuid(),
    workCenterId: z.uuid().nullable(),
    lineId: z.uuid().nullable(),
  }),
  /** Same finding, same key: e.g. "spc:<workCenterId>:<productId>:cycle_time:rule2". */
  dedupeKey: z.string().min(1).max(300),
  title: z.string().min(1).max(200),
  explanation: z.string().min(1).max(2_000),
  recommendation: z.string().min(1).max(1_000),
  evidence: ZInsightEvidence,
  /** The detector's own confidence, 0–1, before the tenant's feedback weighting. */
  confidence: z.number().min(0).max(1),
  spanStart: z.number(),
  spanEnd: z.number().nullable(),
});

export type TInsightEvidence = z.infer<typeof ZInsightEvidence>;
export type TInsightDraft = z.infer<typeof ZInsightDraft>;

/** Which status may follow which: dismissing needs a reason; acted-on and dismissed are final. */
const NEXT_STATUSES: Record<TInsightStatus, readonly TInsightStatus[]> = {
  NEW: ["ACKNOWLEDGED", "ACTED_ON", "DISMISSED"],
  ACKNOWLEDGED: ["ACTED_ON", "DISMISSED"],
  ACTED_ON: [],
  DISMISSED: [],
};

export function checkStatusChange(
  from: TInsightStatus,
  to: TInsightStatus,
  dismissReason: string | null,
): { ok: true } | { ok: false; message: string } {
  if (!NEXT_STATUSES[from].includes(to)) {
    return { ok: false, message: `An insight that is ${statusLabel(from)} cannot become ${statusLabel(to)}.` };
  }
  if (to === "DISMISSED" && (dismissReason ?? "").trim().length < 3) {
    return { ok: false, message: "Say why it is dismissed: the detector learns from it." };
  }
  return { ok: true };
}

function statusLabel(status: TInsightStatus): string {
  return { NEW: "new", ACKNOWLEDGED: "acknowledged", ACTED_ON: "acted on", DISMISSED: "dismissed" }[status];
}
