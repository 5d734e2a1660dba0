import {
  addDays,
  formatLocalDate,
  MS_PER_DAY,
  MS_PER_HOUR,
  startOfLocalDay,
  utcToZoned,
} from "@gemba/domain/calendar/zoned-time";
import { buildMaintenanceDraft } from "@gemba/domain/insights/drafts/maintenance-drafts";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import { hasSkill } from "@gemba/domain/insights/maintenance/classification-metrics";
import {
  predictMaintenanceRisk,
  type TMaintenanceRiskModel,
  trainMaintenanceRisk,
} from "@gemba/domain/insights/maintenance/maintenance-risk";
import type { Tx } from "../../tenant-scope";
import type { TDetectorRun, TInsightDetector } from "../detector";
import {
  loadMaintenanceDays,
  loadMaintenanceWorkCenters,
  type TMaintenanceDay,
  type TMaintenanceWorkCenter,
} from "./load-maintenance-days";
import { fromStoredModel, toStoredModel } from "./stored-model";

/** Half a year of history to learn from; a model is retrained once it is a day old. */
export const TRAINING_HISTORY_DAYS = 180;
export const RETRAIN_AFTER_MS = MS_PER_DAY;
const CHART_DAYS = 14;
/** Relative to each tag's own median, so one model fits every kind of sensor (see load-maintenance-days). */
export const RELATIVE_TELEMETRY = { label: "sensor readings vs their normal", unit: "%" } as const;

export type TMaintenanceTraining =
  | { status: "TRAINED"; runId: string; model: TMaintenanceRiskModel }
  | { status: "CURRENT"; runId: string; model: TMaintenanceRiskModel }
  | { status: "REFUSED"; reason: string; model: TMaintenanceRiskModel | null };

export type TMaintenanceHistory = { workCenters: TMaintenanceWorkCenter[]; days: TMaintenanceDay[] };

/** Every work center's days up to yesterday (the last complete day), local to its site. */
export async function loadMaintenanceHistory(tx: Tx, now: number): Promise<TMaintenanceHistory> {
  const workCenters = await loadMaintenanceWorkCenters(tx);
  const days: TMaintenanceDay[] = [];
  for (const workCenter of workCenters) {
    const today = utcToZoned(now, workCenter.timeZone);
    // Days before the work center's first recorded interval are unknown, not "no breakdowns".
    const first = await tx.stateInterval.findFirst({
      where: { workCenterId: workCenter.id },
      orderBy: { start: "asc" },
      select: { start: true },
    });
    if (!first) continue;
    const historyStart = startOfLocalDay(addDays(today, -TRAINING_HISTORY_DAYS), workCenter.timeZone).getTime();
    const firstDay = utcToZoned(Math.max(historyStart, first.start.getTime()), workCenter.timeZone);
    days.push(
      ...(await loadMaintenanceDays(tx, workCenter, {
        firstDayStart: startOfLocalDay(firstDay, workCenter.timeZone).getTime(),
        lastDayStart: startOfLocalDay(addDays(today, -1), workCenter.timeZone).getTime(),
      })),
    );
  }
  return { workCenters, days };
}

/** Trains (without storing) on the history as loaded: the one place the training inputs are chosen. */
export function trainOnHistory(history: TMaintenanceHistory): ReturnType<typeof trainMaintenanceRisk> {
  // Telemetry only when every work center reports some: rows without it would be dropped from training.
  const withTelemetry =
    history.workCenters.length > 0 &&
    history.workCenters.every((wc) => history.days.some((day) => day.workCenterId === wc.id && day.telemetry));
  return trainMaintenanceRisk({ days: history.days, telemetryTag: withTelemetry ? RELATIVE_TELEMETRY : null });
}

/**
 * Trains when the tenant's latest model is missing or a day old and stores the run with its
 * held-out metrics. A refusal (too little history) stores nothing and says why; the last good
 * model, if any, keeps serving until a new one can be trained.
 */
export async function refreshMaintenanceModel(
  tx: Tx,
  run: Pick<TDetectorRun, "tenantId" | "now">,
  history: TMaintenanceHistory,
): Promise<TMaintenanceTraining> {
  const { now } = run;
  const latest = await tx.maintenanceModelRun.findFirst({
    orderBy: { trainedAt: "desc" },
    select: { id: true, trainedAt: true, model: true },
  });
  const current = latest ? fromStoredModel(latest.model) : null;
  if (latest && current && now - latest.trainedAt.getTime() < RETRAIN_AFTER_MS) {
    return { status: "CURRENT", runId: latest.id, model: current };
  }
  const trained = trainOnHistory(history);
  if (!trained.ok) return { status: "REFUSED", reason: trained.reason, model: current };
  const { training, heldOut } = trained;
  const stored = await tx.maintenanceModelRun.create({
    data: {
      tenantId: run.tenantId,
      trainedAt: new Date(now),
      horizonDays: trained.horizonDays,
      samples: training.rows + heldOut.rows,
      positives: training.positives + heldOut.positives,
      baseRate: heldOut.baseRate,
      threshold: trained.threshold,
      precision: heldOut.precision,
      recall: heldOut.recall,
      f1: heldOut.f1,
      model: toStoredModel(trained),
    },
    select: { id: true },
  });
  return { status: "TRAINED", runId: stored.id, model: trained };
}

/** Today's drafts from a model: one per work center whose risk passes the model's threshold. */
export function maintenanceDrafts(
  model: TMaintenanceRiskModel,
  history: TMaintenanceHistory,
  run: TDetectorRun,
): TInsightDraft[] {
  const drafts: TInsightDraft[] = [];
  const wanted = run.workCenterIds === null ? null : new Set(run.workCenterIds);
  for (const workCenter of history.workCenters) {
    if (wanted && !wanted.has(workCenter.id)) continue;
    const days = history.days.filter((day) => day.workCenterId === workCenter.id);
    const last = days.at(-1);
    if (!last) continue;
    const [prediction] = predictMaintenanceRisk(model, days, last.dayIndex);
    if (!prediction) continue;
    const today = utcToZoned(run.now, workCenter.timeZone);
    const dayStart = startOfLocalDay(today, workCenter.timeZone).getTime();
    const draft = buildMaintenanceDraft({
      prediction,
      model,
      workCenter,
      dayKey: formatLocalDate(today),
      dayStart,
      horizonEnd: startOfLocalDay(addDays(today, model.horizonDays), workCenter.timeZone).getTime(),
      recentDays: days.slice(-CHART_DAYS).map((day) => ({
        t: day.dayStart,
        failures: day.failures,
        microStops: day.microStops,
        telemetryMean: day.telemetry?.mean ?? null,
      })),
    });
    if (draft) drafts.push(draft);
  }
  return drafts;
}

/** `onTraining` sees every training outcome, refusals with their reason included, for the worker's log. */
export function createMaintenanceRiskDetector(
  onTraining: (outcome: TMaintenanceTraining) => void = () => {},
): TInsightDetector {
  return {
    kind: "MAINTENANCE_RISK",
    name: "Breakdown risk per work center (logistic regression per tenant, retrained daily)",
    everyMs: 6 * MS_PER_HOUR,
    eventDriven: false,
    async detect(tx, run) {
      const history = await loadMaintenanceHistory(tx, run.now);
      const training = await refreshMaintenanceModel(tx, run, history);
      onTraining(training);
      // A model no better than chance on held-out history is stored (the admin sees its figures) but warns nobody.
      return training.model && hasSkill(training.model.heldOut).ok
        ? maintenanceDrafts(training.model, history, run)
        : [];
    },
  };
}
