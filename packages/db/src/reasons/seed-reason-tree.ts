import { DEFAULT_REASON_TREE } from "@gemba/domain/reasons/default-reason-tree";
import type { Tx } from "../tenant-scope";

/** Gives a plant the default reason tree (inside its tenant scope); a plant that has one keeps it. */
export async function seedReasonTree(tx: Tx, tenantId: string): Promise<{ created: boolean }> {
  if ((await tx.reasonCategory.count()) > 0) return { created: false };
  for (const [categoryOrder, category] of DEFAULT_REASON_TREE.entries()) {
    const { id: categoryId } = await tx.reasonCategory.create({
      data: { tenantId, name: category.name, sortOrder: categoryOrder },
      select: { id: true },
    });
    await tx.reasonCode.createMany({
      data: category.reasons.map((reason, order) => ({
        tenantId,
        code: reason.code,
        categoryId,
        label: reason.label,
        appliesTo: reason.appliesTo,
        lossCategory: reason.lossCategory,
        excludedFromPlannedTime: reason.excludedFromPlannedTime,
        sortOrder: order,
      })),
    });
  }
  return { created: true };
}
