import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";

export type THandoverSite = { id: string; name: string; timeZone: string };

/**
 * The site a handover screen is about: the one asked for (NOT_FOUND when the plant has no such
 * site), else the first by code; null for a plant without sites.
 */
export async function resolveHandoverSite(tx: Tx, siteId: string | undefined): Promise<THandoverSite | null> {
  const site = await tx.site.findFirst({
    where: siteId ? { id: siteId } : {},
    orderBy: { code: "asc" },
    select: { id: true, name: true, timeZone: true },
  });
  if (!site && siteId) throw new AppError("NOT_FOUND", "This site does not exist in your plant.");
  return site;
}
