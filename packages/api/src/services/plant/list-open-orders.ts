import type { Tx } from "@gemba/db/tenant-scope";
import { z } from "zod";

export const ZListOpenOrdersInput = z
  .object({ limit: z.number().int().min(1).max(200).default(25) })
  .default({ limit: 25 });

/** Released and running orders from the ERP, soonest due first. */
export async function listOpenOrders(tx: Tx, input: z.infer<typeof ZListOpenOrdersInput>) {
  return tx.productionOrder.findMany({
    where: { status: { in: ["PLANNED", "RELEASED", "IN_PROGRESS"] } },
    orderBy: [{ dueAt: "asc" }, { externalId: "asc" }],
    take: input.limit,
    select: {
      id: true,
      externalId: true,
      quantity: true,
      status: true,
      dueAt: true,
      plannedStart: true,
      product: { select: { sku: true, name: true } },
      workCenter: { select: { id: true, code: true, name: true } },
    },
  });
}
