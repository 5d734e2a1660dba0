import { loadBottleneckChart } from "@gemba/db/insights/bottleneck/load-bottleneck-chart";
import type { TBottleneckChart, TSpcChart, TSpcMeasure, TSpcSignalOption } from "@gemba/db/insights/charts";
import {
  loadLatestMaintenanceModel,
  type TLatestMaintenanceModel,
  whyMaintenanceModelIsMissing,
} from "@gemba/db/insights/maintenance/latest-model";
import { listSpcSignals, loadSpcChart } from "@gemba/db/insights/spc/load-spc-chart";
import { AppError } from "@gemba/domain/errors";
import type { TenantActor } from "../scope";

/**
 * The insight pages' charts, computed on request from the plant's own history. Every id is looked
 * up under row-level security first, so another plant's work center or line is "not found" in
 * words rather than an empty chart.
 */
export async function spcSignals(actor: TenantActor, workCenterId: string): Promise<TSpcSignalOption[]> {
  await requireWorkCenter(actor, workCenterId);
  return listSpcSignals(actor.tx, workCenterId);
}

export async function spcChart(
  actor: TenantActor,
  input: { workCenterId: string; measure: TSpcMeasure; from: number; to: number },
): Promise<TSpcChart> {
  await requireWorkCenter(actor, input.workCenterId);
  return loadSpcChart(actor.tx, input);
}

export async function bottleneckChart(
  actor: TenantActor,
  input: { lineId: string; from: number; to: number; stepMs: number },
): Promise<TBottleneckChart> {
  const line = await actor.tx.line.findFirst({ where: { id: input.lineId }, select: { id: true } });
  if (!line) throw new AppError("NOT_FOUND", "This line does not exist in your plant. Pick one from the list.");
  return loadBottleneckChart(actor.tx, input);
}

/** How the last training of the maintenance-risk model did on later, held-out history; null before the first. */
/** The last trained model's figures, or, before the first, why it cannot be trained yet. */
export async function maintenanceModel(
  actor: TenantActor,
): Promise<{ latest: TLatestMaintenanceModel | null; missingBecause: string | null }> {
  const latest = await loadLatestMaintenanceModel(actor.tx);
  return { latest, missingBecause: latest ? null : await whyMaintenanceModelIsMissing(actor.tx, Date.now()) };
}

async function requireWorkCenter(actor: TenantActor, workCenterId: string): Promise<void> {
  const found = await actor.tx.workCenter.findFirst({ where: { id: workCenterId }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "This work center does not exist in your plant. Pick one from the list.");
}
