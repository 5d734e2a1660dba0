import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import type { TChecklistStep } from "@gemba/domain/checklists/checklist-steps";
import { sameContent } from "@gemba/domain/checklists/template-rules";
import { AppError } from "@gemba/domain/errors";
import type { TenantActor } from "../scope";
import { loadVersion, TEMPLATE_NOT_FOUND } from "./checklist-actor";
import type { TCreateTemplateInput, TPublishVersionInput, TUpdateDetailsInput } from "./checklist-inputs";

/**
 * Templates change by publishing: a new version is written next to the old ones (versions are
 * insert-only in the database), and the template points at it. Runs keep the version they
 * started with, so a checklist in progress never changes under the operator's hands.
 */

export async function createTemplate(actor: TenantActor, input: TCreateTemplateInput): Promise<{ templateId: string }> {
  const { tx, tenantId, userId } = actor;
  await checkReferences(tx, input.lineId, input.steps);
  const template = await tx.checklistTemplate.create({
    data: {
      tenantId,
      name: input.name,
      description: input.description || null,
      lineId: input.lineId,
      currentVersion: 1,
    },
    select: { id: true },
  });
  await tx.checklistTemplateVersion.create({
    data: {
      tenantId,
      templateId: template.id,
      version: 1,
      steps: input.steps,
      requireSignOff: input.requireSignOff,
      createdById: userId,
    },
    select: { version: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "checklist.create",
    entityType: "ChecklistTemplate",
    entityId: template.id,
    summary: `Created the checklist “${input.name}” and published version 1 (${stepCount(input.steps.length)})`,
    after: {
      name: input.name,
      lineId: input.lineId,
      version: 1,
      requireSignOff: input.requireSignOff,
      steps: input.steps.map((step) => ({ id: step.id, title: step.title, kind: step.input.kind })),
    },
  });
  return { templateId: template.id };
}

export async function publishVersion(
  actor: TenantActor,
  input: TPublishVersionInput,
): Promise<{ templateId: string; version: number }> {
  const { tx, tenantId, userId } = actor;
  const template = await loadTemplate(tx, input.templateId);
  if (template.archivedAt) {
    throw new AppError("CONFLICT", `“${template.name}” is archived. Restore it before publishing a new version.`);
  }
  if (input.basedOnVersion !== template.currentVersion) {
    throw new AppError(
      "CONFLICT",
      `Version ${template.currentVersion} of “${template.name}” was published while you were editing version ${input.basedOnVersion}. Reload to see it, then make your changes again.`,
    );
  }
  const current = await loadVersion(tx, tenantId, template.id, template.currentVersion);
  if (sameContent(current, input)) {
    throw new AppError(
      "BAD_REQUEST",
      `Nothing changed since version ${current.version}. Change a step or the sign-off before publishing.`,
    );
  }
  await checkReferences(tx, template.lineId, input.steps);
  const version = template.currentVersion + 1;
  // Only from the version the editor saw: two managers publishing at once get one version each, never the same number.
  const moved = await tx.checklistTemplate.updateMany({
    where: { id: template.id, currentVersion: template.currentVersion },
    data: { currentVersion: version },
  });
  if (moved.count === 0) {
    throw new AppError("CONFLICT", `Someone published “${template.name}” at the same moment. Reload and try again.`);
  }
  await tx.checklistTemplateVersion.create({
    data: {
      tenantId,
      templateId: template.id,
      version,
      steps: input.steps,
      requireSignOff: input.requireSignOff,
      createdById: userId,
    },
    select: { version: true },
  });
  const changes = describeChanges(current.steps, input.steps, current.requireSignOff !== input.requireSignOff);
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "checklist.publish",
    entityType: "ChecklistTemplate",
    entityId: template.id,
    summary: `Published version ${version} of “${template.name}”: ${changes}`,
    before: { version: current.version, steps: current.steps.length, requireSignOff: current.requireSignOff },
    after: {
      version,
      requireSignOff: input.requireSignOff,
      steps: input.steps.map((step) => ({ id: step.id, title: step.title, kind: step.input.kind })),
    },
  });
  return { templateId: template.id, version };
}

/** Name, description and line are labels, not content: changing them publishes no new version. */
export async function updateDetails(actor: TenantActor, input: TUpdateDetailsInput): Promise<{ templateId: string }> {
  const { tx, tenantId, userId } = actor;
  const template = await loadTemplate(tx, input.templateId);
  await checkReferences(tx, input.lineId, []);
  const before = { name: template.name, description: template.description ?? "", lineId: template.lineId };
  const after = { name: input.name, description: input.description, lineId: input.lineId };
  if (JSON.stringify(before) === JSON.stringify(after)) return { templateId: template.id };
  await tx.checklistTemplate.update({
    where: { tenantId_id: { tenantId, id: template.id } },
    data: { name: input.name, description: input.description || null, lineId: input.lineId },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "checklist.update",
    entityType: "ChecklistTemplate",
    entityId: template.id,
    summary:
      before.name === after.name
        ? `Changed the details of the checklist “${input.name}”`
        : `Renamed the checklist “${before.name}” to “${after.name}”`,
    before,
    after,
  });
  return { templateId: template.id };
}

/** Archived templates can no longer be started; their runs and versions stay. */
export async function setArchived(
  actor: TenantActor,
  input: { templateId: string; archived: boolean },
  now = Date.now(),
): Promise<{ templateId: string; archivedAt: Date | null }> {
  const { tx, tenantId, userId } = actor;
  const template = await loadTemplate(tx, input.templateId);
  if ((template.archivedAt !== null) === input.archived) {
    return { templateId: template.id, archivedAt: template.archivedAt };
  }
  const archivedAt = input.archived ? new Date(now) : null;
  await tx.checklistTemplate.update({
    where: { tenantId_id: { tenantId, id: template.id } },
    data: { archivedAt },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: input.archived ? "checklist.archive" : "checklist.restore",
    entityType: "ChecklistTemplate",
    entityId: template.id,
    summary: input.archived
      ? `Archived the checklist “${template.name}”: it can no longer be started`
      : `Restored the checklist “${template.name}”`,
    before: { archivedAt: template.archivedAt?.toISOString() ?? null },
    after: { archivedAt: archivedAt?.toISOString() ?? null },
  });
  return { templateId: template.id, archivedAt };
}

async function loadTemplate(tx: Tx, templateId: string) {
  const template = await tx.checklistTemplate.findFirst({
    where: { id: templateId },
    select: { id: true, name: true, description: true, lineId: true, currentVersion: true, archivedAt: true },
  });
  if (!template) throw new AppError("NOT_FOUND", TEMPLATE_NOT_FOUND);
  return template;
}

/** The line and every step image must be this plant's (row-level security hides another plant's). */
async function checkReferences(tx: Tx, lineId: string | null, steps: readonly TChecklistStep[]): Promise<void> {
  if (lineId) {
    const line = await tx.line.findFirst({ where: { id: lineId }, select: { id: true } });
    if (!line) throw new AppError("NOT_FOUND", "This line does not exist in your plant. Choose another one.");
  }
  const imageIds = [...new Set(steps.flatMap((step) => (step.imageId ? [step.imageId] : [])))];
  if (imageIds.length === 0) return;
  const found = await tx.mediaFile.findMany({ where: { id: { in: imageIds } }, select: { id: true } });
  const known = new Set(found.map((file) => file.id));
  const missing = steps.find((step) => step.imageId && !known.has(step.imageId));
  if (missing) {
    throw new AppError("NOT_FOUND", `The image of the step “${missing.title}” is missing. Upload it again.`);
  }
}

/** "1 step added, 2 changed", "sign-off no longer required": what a new version does, for the audit trail. */
function describeChanges(before: readonly TChecklistStep[], after: readonly TChecklistStep[], signOffChanged: boolean) {
  const old = new Map(before.map((step) => [step.id, JSON.stringify(step)]));
  const added = after.filter((step) => !old.has(step.id)).length;
  const kept = new Set(after.map((step) => step.id));
  const removed = before.filter((step) => !kept.has(step.id)).length;
  const changed = after.filter((step) => old.has(step.id) && old.get(step.id) !== JSON.stringify(step)).length;
  const order = after
    .filter((step) => old.has(step.id))
    .map((step) => step.id)
    .join();
  const oldOrder = before
    .filter((step) => kept.has(step.id))
    .map((step) => step.id)
    .join();
  const parts = [
    added ? `${stepCount(added)} added` : "",
    removed ? `${stepCount(removed)} removed` : "",
    changed ? `${stepCount(changed)} changed` : "",
    order !== oldOrder ? "steps reordered" : "",
    signOffChanged ? "sign-off setting changed" : "",
  ].filter(Boolean);
  return `${parts.join(", ")} (${stepCount(after.length)})`;
}

function stepCount(count: number): string {
  return `${count} step${count === 1 ? "" : "s"}`;
}
