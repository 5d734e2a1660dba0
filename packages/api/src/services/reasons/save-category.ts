import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import type { z } from "zod";
import type { TenantActor } from "../scope";
import type {
  ZCreateCategoryInput,
  ZDeleteCategoryInput,
  ZRenameCategoryInput,
  ZReorderCategoriesInput,
} from "./reason-schemas";

/** The category of the actor's tenant, or NOT_FOUND (row-level security hides other tenants' rows). */
export async function findCategoryOrThrow(actor: TenantActor, categoryId: string) {
  const category = await actor.tx.reasonCategory.findUnique({
    where: { tenantId_id: { tenantId: actor.tenantId, id: categoryId } },
    select: { id: true, name: true, sortOrder: true },
  });
  if (!category) throw new AppError("NOT_FOUND", "This category no longer exists. Reload the page.");
  return category;
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && (error as { code: string }).code === "P2002";

/** Runs a write that may still collide with a concurrent one on a unique key, and says so plainly. */
export async function withUniqueKey<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", message);
    throw error;
  }
}

/** Names are unique per plant regardless of case: "Quality" and "quality" would confuse operators. */
async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const clash = await tx.reasonCategory.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw new AppError("CONFLICT", `A category named "${clash.name}" already exists.`);
}

export async function createCategory(actor: TenantActor, input: z.infer<typeof ZCreateCategoryInput>) {
  const { tx, tenantId } = actor;
  await assertNameFree(tx, input.name);
  const last = await tx.reasonCategory.aggregate({ _max: { sortOrder: true } });
  const category = await withUniqueKey(`A category named "${input.name}" already exists.`, () =>
    tx.reasonCategory.create({
      data: { tenantId, name: input.name, sortOrder: (last._max.sortOrder ?? -1) + 1 },
      select: { id: true },
    }),
  );
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "reason_category.create",
    entityType: "ReasonCategory",
    entityId: category.id,
    summary: `Added reason category "${input.name}"`,
    after: { name: input.name },
  });
  return { categoryId: category.id };
}

export async function renameCategory(actor: TenantActor, input: z.infer<typeof ZRenameCategoryInput>) {
  const { tx, tenantId } = actor;
  const category = await findCategoryOrThrow(actor, input.categoryId);
  if (category.name === input.name) return { categoryId: category.id };
  await assertNameFree(tx, input.name, category.id);
  await withUniqueKey(`A category named "${input.name}" already exists.`, () =>
    tx.reasonCategory.update({
      where: { tenantId_id: { tenantId, id: category.id } },
      data: { name: input.name },
      select: { id: true },
    }),
  );
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "reason_category.rename",
    entityType: "ReasonCategory",
    entityId: category.id,
    summary: `Renamed reason category "${category.name}" to "${input.name}"`,
    before: { name: category.name },
    after: { name: input.name },
  });
  return { categoryId: category.id };
}

/** The new order of all categories: exactly the plant's categories, each once. */
export async function reorderCategories(actor: TenantActor, input: z.infer<typeof ZReorderCategoriesInput>) {
  const { tx, tenantId } = actor;
  const categories = await tx.reasonCategory.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, sortOrder: true },
  });
  const byId = new Map(categories.map((category) => [category.id, category]));
  if (input.categoryIds.some((id) => !byId.has(id))) {
    throw new AppError("NOT_FOUND", "A category in this order no longer exists. Reload the page.");
  }
  if (new Set(input.categoryIds).size !== input.categoryIds.length || input.categoryIds.length !== categories.length) {
    throw new AppError("CONFLICT", "The categories changed since the page loaded. Reload it and try again.");
  }
  for (const [sortOrder, id] of input.categoryIds.entries()) {
    if (byId.get(id)?.sortOrder === sortOrder) continue;
    await tx.reasonCategory.update({
      where: { tenantId_id: { tenantId, id } },
      data: { sortOrder },
      select: { id: true },
    });
  }
  const names = input.categoryIds.map((id) => byId.get(id)?.name ?? id);
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "reason_category.reorder",
    entityType: "ReasonCategory",
    entityId: input.categoryIds[0] ?? tenantId,
    summary: `Reordered reason categories: ${names.join(", ")}`,
    before: { order: categories.map((category) => category.name) },
    after: { order: names },
  });
  return { categoryIds: input.categoryIds };
}

/** Only an empty category goes: reasons are never deleted, so its reasons must move first. */
export async function deleteCategory(actor: TenantActor, input: z.infer<typeof ZDeleteCategoryInput>) {
  const { tx, tenantId } = actor;
  const category = await findCategoryOrThrow(actor, input.categoryId);
  const reasons = await tx.reasonCode.count({ where: { categoryId: category.id } });
  if (reasons > 0) {
    throw new AppError(
      "CONFLICT",
      `"${category.name}" still holds ${reasons === 1 ? "a reason" : `${reasons} reasons`}. Move ${reasons === 1 ? "it" : "them"} to another category first.`,
    );
  }
  await tx.reasonCategory.delete({ where: { tenantId_id: { tenantId, id: category.id } }, select: { id: true } });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "reason_category.delete",
    entityType: "ReasonCategory",
    entityId: category.id,
    summary: `Removed the empty reason category "${category.name}"`,
    before: { name: category.name },
  });
  return { categoryId: category.id };
}
