import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import type { z } from "zod";
import { refreshAfterCommit, type TSettingsActor } from "../reasons/settings-actor";
import { THRESHOLD_REDERIVE_DAYS, type ZSetWorkCenterThresholdsInput } from "./threshold-schemas";

const DAY_MS = 86_400_000;

/**
 * Sets the minor-stop threshold and the signal timeout of one or more work centers (a row, or a
 * whole line). Each changed work center is audited on its own and its last week is derived again
 * after commit, so its dashboard follows the new setting; older history keeps the settings it was
 * derived with (re-deriving months on every tweak would cost more than it tells).
 */
export async function setWorkCenterThresholds(
  actor: TSettingsActor,
  input: z.infer<typeof ZSetWorkCenterThresholdsInput>,
  now: number = Date.now(),
) {
  const { tx, tenantId } = actor;
  const ids = [...new Set(input.workCenterIds)];
  const workCenters = await tx.workCenter.findMany({
    where: { id: { in: ids } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, microStopThresholdSeconds: true, unknownTimeoutSeconds: true },
  });
  if (workCenters.length !== ids.length) {
    throw new AppError("NOT_FOUND", "A work center in this change no longer exists. Reload the page.");
  }
  const next = {
    microStopThresholdSeconds: input.microStopThresholdSeconds,
    unknownTimeoutSeconds: input.unknownTimeoutSeconds,
  };
  const changed = workCenters.filter(
    (workCenter) =>
      workCenter.microStopThresholdSeconds !== next.microStopThresholdSeconds ||
      workCenter.unknownTimeoutSeconds !== next.unknownTimeoutSeconds,
  );
  if (changed.length > 0) {
    await tx.workCenter.updateMany({ where: { id: { in: changed.map((workCenter) => workCenter.id) } }, data: next });
  }
  for (const workCenter of changed) {
    const before = {
      microStopThresholdSeconds: workCenter.microStopThresholdSeconds,
      unknownTimeoutSeconds: workCenter.unknownTimeoutSeconds,
    };
    await recordAudit(tx, {
      tenantId,
      actorId: actor.userId,
      action: "work_center.thresholds",
      entityType: "WorkCenter",
      entityId: workCenter.id,
      summary: `Set ${workCenter.code} thresholds: minor stop ${describeChange(before.microStopThresholdSeconds, next.microStopThresholdSeconds)}, signal timeout ${describeChange(before.unknownTimeoutSeconds, next.unknownTimeoutSeconds)}; last ${THRESHOLD_REDERIVE_DAYS} days recalculated`,
      before,
      after: next,
    });
  }
  const from = now - THRESHOLD_REDERIVE_DAYS * DAY_MS;
  const recalculation = refreshAfterCommit(
    actor,
    changed.map((workCenter) => ({ workCenterId: workCenter.id, from, to: now })),
  );
  return { updated: changed.length, unchanged: workCenters.length - changed.length, recalculation };
}

const describeChange = (before: number, after: number) =>
  before === after ? `${after} s (unchanged)` : `${before} s → ${after} s`;
