import type { Tx } from "@gemba/db/tenant-scope";
import type { TLossCategory } from "@gemba/domain/reasons/default-reasons";
import { isCalendarReason, type TReasonAppliesTo } from "@gemba/domain/reasons/reason-rules";

export type TReasonTree = Awaited<ReturnType<typeof getReasonTree>>;

/** The plant's categories in the order operators see them, each with its reasons (inactive ones too). */
export async function getReasonTree(tx: Tx) {
  const categories = await tx.reasonCategory.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      reasons: {
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: {
          code: true,
          label: true,
          appliesTo: true,
          lossCategory: true,
          excludedFromPlannedTime: true,
          active: true,
        },
      },
    },
  });
  return {
    categories: categories.map((category) => ({
      ...category,
      reasons: category.reasons.map((reason) => ({
        ...reason,
        // Stored as text; the rules only ever write these values.
        appliesTo: reason.appliesTo as TReasonAppliesTo,
        lossCategory: reason.lossCategory as TLossCategory | null,
        /** Booked by the shift calendar: stays planned time off. */
        bookedByCalendar: isCalendarReason(reason.code),
      })),
    })),
  };
}
