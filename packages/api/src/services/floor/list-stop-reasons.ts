import type { Tx } from "@gemba/db/tenant-scope";
import { CALENDAR_REASON_CODES } from "@gemba/domain/reasons/reason-rules";

export type TStopReasonCategory = {
  id: string;
  name: string;
  reasons: { code: string; label: string; appliesTo: string }[];
};

/**
 * The reasons an operator may give a stop, grouped by the plant's categories in their order:
 * active stop reasons only. Scrap reasons explain parts, not stops, and the calendar's own
 * reasons (break, planned maintenance) are booked by the shift calendar, not tapped.
 */
export async function listStopReasons(tx: Tx): Promise<TStopReasonCategory[]> {
  const categories = await tx.reasonCategory.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      reasons: {
        where: {
          active: true,
          appliesTo: { not: "SCRAP" },
          code: { notIn: [...CALENDAR_REASON_CODES] },
        },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: { code: true, label: true, appliesTo: true },
      },
    },
  });
  return categories.filter((category) => category.reasons.length > 0);
}
