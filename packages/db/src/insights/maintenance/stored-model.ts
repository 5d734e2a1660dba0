import { COUNT_FEATURES, TELEMETRY_FEATURES } from "@gemba/domain/insights/maintenance/maintenance-features";
import type { TMaintenanceRiskModel } from "@gemba/domain/insights/maintenance/maintenance-risk";
import { z } from "zod";

/** What MaintenanceModelRun.model holds: everything needed to score and explain without retraining. */
export const ZClassificationMetricsLike = z.object({
  rows: z.number(),
  positives: z.number(),
  flagged: z.number(),
  baseRate: z.number(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  f1: z.number().nullable(),
  threshold: z.number(),
});

export const ZStoredMaintenanceModel = z.object({
  model: z.object({
    standardizer: z.object({ means: z.array(z.number()), scales: z.array(z.number()) }),
    weights: z.array(z.number()),
    intercept: z.number(),
  }),
  featureNames: z.array(z.enum([...COUNT_FEATURES, ...TELEMETRY_FEATURES])),
  horizonDays: z.number().int().positive(),
  telemetryTag: z.object({ label: z.string(), unit: z.string() }).nullable(),
  threshold: z.number(),
  testFromDayIndex: z.number(),
  training: ZClassificationMetricsLike,
  heldOut: ZClassificationMetricsLike,
});

export function toStoredModel(trained: TMaintenanceRiskModel): z.infer<typeof ZStoredMaintenanceModel> {
  const { ok: _ok, ...stored } = trained;
  return stored;
}

export function fromStoredModel(json: unknown): TMaintenanceRiskModel | null {
  const parsed = ZStoredMaintenanceModel.safeParse(json);
  return parsed.success ? { ok: true, ...parsed.data } : null;
}
