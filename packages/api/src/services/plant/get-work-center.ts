import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";

export const ZGetWorkCenterInput = z.object({ workCenterId: z.uuid() });

/** One work center with where it sits, what it runs and the last thing it reported. */
export async function getWorkCenter(tx: Tx, input: z.infer<typeof ZGetWorkCenterInput>) {
  const workCenter = await tx.workCenter.findFirst({
    where: { id: input.workCenterId },
    select: {
      id: true,
      code: true,
      name: true,
      line: {
        select: {
          id: true,
          code: true,
          name: true,
          area: { select: { name: true, site: { select: { name: true, timeZone: true } } } },
        },
      },
    },
  });
  if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  const [currentOrder, lastState] = await Promise.all([
    tx.productionOrder.findFirst({
      where: { workCenterId: workCenter.id, status: "IN_PROGRESS" },
      orderBy: { startedAt: "desc" },
      select: {
        id: true,
        externalId: true,
        quantity: true,
        dueAt: true,
        product: { select: { sku: true, name: true } },
      },
    }),
    tx.event.findFirst({
      where: { workCenterId: workCenter.id, kind: "machine.state" },
      orderBy: { eventTime: "desc" },
      select: { eventTime: true, payload: true },
    }),
  ]);
  return { ...workCenter, currentOrder, lastState };
}
