import type { Tx } from "@gemba/db/tenant-scope";
import { readStoredSteps, type TChecklistStep } from "@gemba/domain/checklists/checklist-steps";
import { AppError } from "@gemba/domain/errors";
import type { PlatformServices } from "../../platform";
import type { TenantActor } from "../scope";

/** A member acting on checklists; runs may wake the automation engine once their transaction commits. */
export type TChecklistActor = TenantActor & {
  platform: PlatformServices | undefined;
  afterCommit: (effect: () => Promise<void>) => void;
};

export type TLoadedVersion = { version: number; steps: TChecklistStep[]; requireSignOff: boolean };

/** One published version's steps; a version a run points to always exists (versions are never deleted). */
export async function loadVersion(
  tx: Tx,
  tenantId: string,
  templateId: string,
  version: number,
): Promise<TLoadedVersion> {
  const row = await tx.checklistTemplateVersion.findUnique({
    where: { tenantId_templateId_version: { tenantId, templateId, version } },
    select: { steps: true, requireSignOff: true },
  });
  if (!row) throw new AppError("NOT_FOUND", `Version ${version} of this checklist does not exist.`);
  return { version, steps: readStoredSteps(row.steps), requireSignOff: row.requireSignOff };
}

export const TEMPLATE_NOT_FOUND = "This checklist does not exist in your plant. Reload the list of checklists.";
export const RUN_NOT_FOUND = "This checklist run does not exist in your plant. Reload the page.";

/** The work center with its line, or NOT_FOUND for an id of another plant (row-level security hides it). */
export async function loadWorkCenter(tx: Tx, workCenterId: string) {
  const workCenter = await tx.workCenter.findFirst({
    where: { id: workCenterId },
    select: { id: true, code: true, name: true, lineId: true, line: { select: { name: true } } },
  });
  if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  return workCenter;
}

/**
 * Changes to one run are applied one at a time (a row lock held until commit): answering, the
 * answer's key check and revision count, and completing cannot interleave between two tablets.
 */
export async function lockRun(tx: Tx, tenantId: string, runId: string): Promise<void> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ChecklistRun" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${runId}::uuid FOR UPDATE`;
  if (!locked) throw new AppError("NOT_FOUND", RUN_NOT_FOUND);
}
