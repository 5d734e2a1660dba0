import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import type { TLossCategory } from "@gemba/domain/reasons/default-reasons";
import {
  APPLIES_TO_LABELS,
  changesDerivation,
  describeReasonEffect,
  type TReasonAppliesTo,
} from "@gemba/domain/reasons/reason-rules";
import type { z } from "zod";
import type { TenantActor } from "../scope";
import type {
  TCreateReasonInput,
  TUpdateReasonInput,
  ZReorderReasonsInput,
  ZSetReasonActiveInput,
} from "./reason-schemas";
import { findReasonUsage } from "./reason-usage";
import { findCategoryOrThrow, withUniqueKey } from "./save-category";
import { refreshAfterCommit, type TSettingsActor } from "./settings-actor";

const reasonSelect = {
  code: true,
  label: true,
  categoryId: true,
  appliesTo: true,
  lossCategory: true,
  excludedFromPlannedTime: true,
  active: true,
  sortOrder: true,
  category: { select: { name: true } },
} as const;

async function findReasonOrThrow(actor: TenantActor, code: string) {
  const reason = await actor.tx.reasonCode.findUnique({
    where: { tenantId_code: { tenantId: actor.tenantId, code } },
    select: reasonSelect,
  });
  if (!reason) throw new AppError("NOT_FOUND", `There is no reason ${code} in this plant. Reload the page.`);
  return {
    ...reason,
    appliesTo: reason.appliesTo as TReasonAppliesTo,
    lossCategory: reason.lossCategory as TLossCategory | null,
  };
}

async function nextSortOrder(actor: TenantActor, categoryId: string) {
  const last = await actor.tx.reasonCode.aggregate({ where: { categoryId }, _max: { sortOrder: true } });
  return (last._max.sortOrder ?? -1) + 1;
}

/**
 * A new reason. Its code may already be on the timeline (a machine reported it, or it is a
 * default code the plant had not listed): those stops are counted by the new settings from now
 * on, so their spans are derived again.
 */
export async function createReason(actor: TSettingsActor, input: TCreateReasonInput) {
  const { tx, tenantId } = actor;
  const category = await findCategoryOrThrow(actor, input.categoryId);
  const taken = await tx.reasonCode.findUnique({
    where: { tenantId_code: { tenantId, code: input.code } },
    select: { label: true },
  });
  const takenMessage = `The code ${input.code} is already used by "${taken?.label ?? "another reason"}". Choose another code.`;
  if (taken) throw new AppError("CONFLICT", takenMessage);
  const settings = {
    label: input.label,
    appliesTo: input.appliesTo,
    lossCategory: input.lossCategory,
    excludedFromPlannedTime: input.excludedFromPlannedTime,
  };
  await withUniqueKey(takenMessage, async () =>
    tx.reasonCode.create({
      data: {
        tenantId,
        code: input.code,
        categoryId: category.id,
        ...settings,
        sortOrder: await nextSortOrder(actor, category.id),
      },
      select: { code: true },
    }),
  );
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "reason.create",
    entityType: "ReasonCode",
    entityId: input.code,
    summary: `Added reason ${input.code} "${input.label}" to "${category.name}": ${describeReasonEffect(input)}`,
    after: { ...settings, category: category.name },
  });
  const recalculation = refreshAfterCommit(actor, await findReasonUsage(tx, input.code));
  return { code: input.code, recalculation };
}

/**
 * Label, category and how the reason counts. When the counting changes (loss, planned time off,
 * what it explains), every stop and every scrap bucket that used the reason is derived again, so
 * dashboards and history agree with the tree.
 */
export async function updateReason(actor: TSettingsActor, input: TUpdateReasonInput) {
  const { tx, tenantId } = actor;
  const before = await findReasonOrThrow(actor, input.code);
  const category =
    input.categoryId === before.categoryId
      ? { id: before.categoryId, name: before.category.name }
      : await findCategoryOrThrow(actor, input.categoryId);
  const after = {
    label: input.label,
    categoryId: category.id,
    appliesTo: input.appliesTo,
    lossCategory: input.lossCategory,
    excludedFromPlannedTime: input.excludedFromPlannedTime,
  };
  const changes = describeChanges(before, { ...after, categoryName: category.name });
  if (changes.length === 0) return { code: before.code, recalculation: refreshAfterCommit(actor, []) };

  await tx.reasonCode.update({
    where: { tenantId_code: { tenantId, code: before.code } },
    data: {
      ...after,
      // A reason moved to another category goes to the end of it.
      ...(category.id === before.categoryId ? {} : { sortOrder: await nextSortOrder(actor, category.id) }),
    },
    select: { code: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "reason.update",
    entityType: "ReasonCode",
    entityId: before.code,
    summary: `Changed reason ${before.code}: ${changes.join("; ")}`,
    before: settingsOf(before, before.category.name),
    after: settingsOf(after, category.name),
  });
  const spans = changesDerivation({ ...before }, { ...after, code: before.code })
    ? await findReasonUsage(tx, before.code)
    : [];
  return { code: before.code, recalculation: refreshAfterCommit(actor, spans) };
}

/**
 * Deactivating hides a reason from operators; it is never deleted, because classified stops and
 * the stored timeline refer to it and must keep explaining the past. How it counts is unchanged.
 */
export async function setReasonActive(actor: TenantActor, input: z.infer<typeof ZSetReasonActiveInput>) {
  const { tx, tenantId } = actor;
  const reason = await findReasonOrThrow(actor, input.code);
  if (reason.active === input.active) return { code: reason.code, active: reason.active };
  await tx.reasonCode.update({
    where: { tenantId_code: { tenantId, code: reason.code } },
    data: { active: input.active },
    select: { code: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: input.active ? "reason.reactivate" : "reason.deactivate",
    entityType: "ReasonCode",
    entityId: reason.code,
    summary: input.active
      ? `Reactivated reason ${reason.code} "${reason.label}": operators can pick it again`
      : `Deactivated reason ${reason.code} "${reason.label}": operators can no longer pick it; past stops keep it`,
    before: { active: reason.active },
    after: { active: input.active },
  });
  return { code: reason.code, active: input.active };
}

/** The order operators see a category's reasons in: exactly its reasons, each once. */
export async function reorderReasons(actor: TenantActor, input: z.infer<typeof ZReorderReasonsInput>) {
  const { tx, tenantId } = actor;
  const category = await findCategoryOrThrow(actor, input.categoryId);
  const reasons = await tx.reasonCode.findMany({
    where: { categoryId: category.id },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, sortOrder: true },
  });
  const current = new Map(reasons.map((reason) => [reason.code, reason.sortOrder]));
  if (
    new Set(input.codes).size !== input.codes.length ||
    input.codes.length !== reasons.length ||
    input.codes.some((code) => !current.has(code))
  ) {
    throw new AppError("CONFLICT", `The reasons of "${category.name}" changed since the page loaded. Reload it.`);
  }
  for (const [sortOrder, code] of input.codes.entries()) {
    if (current.get(code) === sortOrder) continue;
    await tx.reasonCode.update({
      where: { tenantId_code: { tenantId, code } },
      data: { sortOrder },
      select: { code: true },
    });
  }
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "reason.reorder",
    entityType: "ReasonCategory",
    entityId: category.id,
    summary: `Reordered the reasons of "${category.name}": ${input.codes.join(", ")}`,
    before: { order: reasons.map((reason) => reason.code) },
    after: { order: input.codes },
  });
  return { categoryId: category.id, codes: input.codes };
}

type TReasonSettings = {
  label: string;
  categoryId: string;
  appliesTo: TReasonAppliesTo;
  lossCategory: TLossCategory | null;
  excludedFromPlannedTime: boolean;
};

function settingsOf(reason: TReasonSettings, categoryName: string) {
  return {
    label: reason.label,
    category: categoryName,
    appliesTo: reason.appliesTo,
    lossCategory: reason.lossCategory,
    excludedFromPlannedTime: reason.excludedFromPlannedTime,
  };
}

/** The audit summary's parts, in words an admin reads without the JSON. */
function describeChanges(
  before: TReasonSettings & { category: { name: string } },
  after: TReasonSettings & { categoryName: string },
): string[] {
  const changes: string[] = [];
  if (before.label !== after.label) changes.push(`label "${before.label}" → "${after.label}"`);
  if (before.categoryId !== after.categoryId)
    changes.push(`moved from "${before.category.name}" to "${after.categoryName}"`);
  if (before.appliesTo !== after.appliesTo) {
    changes.push(`explains ${APPLIES_TO_LABELS[before.appliesTo]} → ${APPLIES_TO_LABELS[after.appliesTo]}`);
  }
  const effectBefore = describeReasonEffect(before);
  const effectAfter = describeReasonEffect(after);
  if (effectBefore !== effectAfter) changes.push(`counts as ${effectBefore} → ${effectAfter}`);
  return changes;
}
