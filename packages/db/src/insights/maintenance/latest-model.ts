import { hasSkill } from "@gemba/domain/insights/maintenance/classification-metrics";
import type { Tx } from "../../tenant-scope";
import { loadMaintenanceHistory, trainOnHistory } from "./maintenance-risk-detector";
import { ZClassificationMetricsLike, ZStoredMaintenanceModel } from "./stored-model";

export type TLatestMaintenanceModel = {
  id: string;
  trainedAt: Date;
  horizonDays: number;
  samples: number;
  positives: number;
  baseRate: number;
  threshold: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Rows the precision and recall above were measured on (the later, held-out days). */
  heldOutRows: number | null;
  featureNames: string[];
  /** Whether its "at risk" reaches anyone: a model no better than chance on held-out history stays quiet. */
  warnings: { ok: true } | { ok: false; reason: string };
};

/** The tenant's last training of the maintenance-risk model and how it did on held-out history; null before the first. */
export async function loadLatestMaintenanceModel(tx: Tx): Promise<TLatestMaintenanceModel | null> {
  const run = await tx.maintenanceModelRun.findFirst({ orderBy: { trainedAt: "desc" } });
  if (!run) return null;
  const stored = ZStoredMaintenanceModel.safeParse(run.model);
  const heldOut = stored.success ? ZClassificationMetricsLike.safeParse(stored.data.heldOut) : null;
  return {
    id: run.id,
    trainedAt: run.trainedAt,
    horizonDays: run.horizonDays,
    samples: run.samples,
    positives: run.positives,
    baseRate: run.baseRate,
    threshold: run.threshold,
    precision: run.precision,
    recall: run.recall,
    f1: run.f1,
    heldOutRows: heldOut?.success ? heldOut.data.rows : null,
    featureNames: stored.success ? stored.data.featureNames : [],
    warnings: heldOut?.success ? hasSkill(heldOut.data) : hasSkill({ ...run, flagged: 0 }),
  };
}

/**
 * Why there is no model yet, in words, by trying the training now without storing it (a few
 * hundred milliseconds at most: one tenant's daily figures). Null when it would train: the next
 * pass of the worker will.
 */
export async function whyMaintenanceModelIsMissing(tx: Tx, now: number): Promise<string | null> {
  const trained = trainOnHistory(await loadMaintenanceHistory(tx, now));
  return trained.ok ? null : trained.reason;
}
