import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import type { TExecutionScopeInput } from "./execution-inputs";

export type TScopeSite = { siteId: string; timeZone: string; workCenterIds: string[] };

export type TExecutionScope = {
  /** Work centers in scope, grouped by site: dates and shifts are always the site's own. */
  sites: TScopeSite[];
  workCenterIds: string[];
};

/**
 * The work centers a query covers. An id the tenant does not have (row-level security hides other
 * tenants' rows) or ids that contradict each other are NOT_FOUND, with a sentence saying which.
 * A line or site without work centers is a valid, empty scope.
 */
export async function resolveExecutionScope(tx: Tx, input: TExecutionScopeInput): Promise<TExecutionScope> {
  const workCenters = await tx.workCenter.findMany({
    where: {
      ...(input.workCenterId ? { id: input.workCenterId } : {}),
      ...(input.lineId ? { lineId: input.lineId } : {}),
      ...(input.siteId ? { line: { area: { siteId: input.siteId } } } : {}),
    },
    select: { id: true, line: { select: { area: { select: { site: { select: { id: true, timeZone: true } } } } } } },
  });
  if (workCenters.length === 0) await explainEmptyScope(tx, input);

  const sites = new Map<string, TScopeSite>();
  for (const workCenter of workCenters) {
    const { id: siteId, timeZone } = workCenter.line.area.site;
    const site = sites.get(siteId) ?? { siteId, timeZone, workCenterIds: [] };
    site.workCenterIds.push(workCenter.id);
    sites.set(siteId, site);
  }
  return { sites: [...sites.values()], workCenterIds: workCenters.map((workCenter) => workCenter.id) };
}

/** Throws NOT_FOUND naming the id that is unknown or does not fit the others; returns for an empty line or site. */
async function explainEmptyScope(tx: Tx, input: TExecutionScopeInput): Promise<void> {
  const [site, line, workCenter] = await Promise.all([
    input.siteId ? tx.site.findFirst({ where: { id: input.siteId }, select: { id: true } }) : undefined,
    input.lineId ? tx.line.findFirst({ where: { id: input.lineId }, select: { id: true } }) : undefined,
    input.workCenterId
      ? tx.workCenter.findFirst({ where: { id: input.workCenterId }, select: { id: true } })
      : undefined,
  ]);
  if (site === null) throw new AppError("NOT_FOUND", "This site does not exist in your plant.");
  if (line === null) throw new AppError("NOT_FOUND", "This line does not exist in your plant.");
  if (workCenter === null) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  if (input.workCenterId) {
    throw new AppError("NOT_FOUND", "This work center is not part of the line or site you picked.");
  }
  if (input.siteId && input.lineId) {
    const onSite = await tx.line.findFirst({
      where: { id: input.lineId, area: { siteId: input.siteId } },
      select: { id: true },
    });
    if (!onSite) throw new AppError("NOT_FOUND", "This line is not part of the site you picked.");
  }
}

/** The zone dates are read in when one is needed for the whole scope (the first site's; UTC without any). */
export function primaryTimeZone(scope: TExecutionScope): string {
  return scope.sites[0]?.timeZone ?? "UTC";
}
