import type { Tx } from "@gemba/db/tenant-scope";

export type TPlantTree = Awaited<ReturnType<typeof getPlantTree>>;

/** Site → area → line → work center, ordered as people read a plant: by code and flow. */
export async function getPlantTree(tx: Tx) {
  return tx.site.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      timeZone: true,
      areas: {
        orderBy: { code: "asc" },
        select: {
          id: true,
          code: true,
          name: true,
          lines: {
            orderBy: { code: "asc" },
            select: {
              id: true,
              code: true,
              name: true,
              workCenters: {
                orderBy: { sequence: "asc" },
                select: { id: true, code: true, name: true, sequence: true },
              },
            },
          },
        },
      },
    },
  });
}
