import type { Tx } from "@gemba/db/tenant-scope";
import { THRESHOLD_DEFAULTS, THRESHOLD_LIMITS, THRESHOLD_REDERIVE_DAYS } from "./threshold-schemas";

export type TWorkCenterThresholds = Awaited<ReturnType<typeof listWorkCenterThresholds>>;

/** Site → area → line → work center with each work center's execution thresholds, and what may be set. */
export async function listWorkCenterThresholds(tx: Tx) {
  const sites = await tx.site.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
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
                select: {
                  id: true,
                  code: true,
                  name: true,
                  microStopThresholdSeconds: true,
                  unknownTimeoutSeconds: true,
                },
              },
            },
          },
        },
      },
    },
  });
  return {
    limits: THRESHOLD_LIMITS,
    defaults: THRESHOLD_DEFAULTS,
    rederiveDays: THRESHOLD_REDERIVE_DAYS,
    sites,
  };
}
