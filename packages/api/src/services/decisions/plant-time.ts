import type { Tx } from "@gemba/db/tenant-scope";

/**
 * Link labels are frozen text ("PRS-201 down from Nov 24, 14:02"), so they are written in the
 * plant's clock — the site's zone — not the server's.
 */
export function formatPlantTime(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(value);
}

/** The zone plant-wide lists use: the first site's (by code), as the screens do; UTC without sites. */
export async function plantTimeZone(tx: Tx): Promise<string> {
  const site = await tx.site.findFirst({ orderBy: { code: "asc" }, select: { timeZone: true } });
  return site?.timeZone ?? "UTC";
}
