type TSiteZone = { timeZone: string };

/**
 * The zone plant-wide screens use: the sites' zone when they agree, else the first site's
 * (`mixed` lets the page say so). UTC only for a plant without sites yet.
 */
export function plantTimeZoneOf(sites: readonly TSiteZone[]): { timeZone: string; mixed: boolean } {
  const zones = [...new Set(sites.map((site) => site.timeZone))];
  return { timeZone: zones[0] ?? "UTC", mixed: zones.length > 1 };
}
