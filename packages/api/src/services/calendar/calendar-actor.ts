import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import type { PlatformServices } from "../../platform";
import type { TenantActor } from "../scope";

/** An admin changing a site's calendar: tenant scope, plus what re-deriving the timelines needs. */
export type CalendarActor = TenantActor & {
  /** Queues and Redis to ask for re-derivation; absent in some tests (then nothing is queued). */
  platform: PlatformServices | undefined;
  /** Runs a side effect once the procedure's transaction has committed. */
  afterCommit: (effect: () => Promise<void>) => void;
};

export type TCalendarSite = { id: string; code: string; name: string; timeZone: string };

/** The site, or NOT_FOUND (row-level security hides other tenants' sites). */
export async function findSiteOrThrow(tx: Tx, siteId: string): Promise<TCalendarSite> {
  const site = await tx.site.findFirst({
    where: { id: siteId },
    select: { id: true, code: true, name: true, timeZone: true },
  });
  if (!site) throw new AppError("NOT_FOUND", "This site no longer exists. Reload the page and pick another one.");
  return site;
}

/** validFrom is a Postgres `date`; Prisma hands it over as UTC midnight of that date. */
export const localDateText = (date: Date) => date.toISOString().slice(0, 10);
export const localDateValue = (text: string) => new Date(`${text}T00:00:00Z`);

export async function findPatternOrThrow(tx: Tx, patternId: string) {
  const pattern = await tx.shiftPattern.findFirst({
    where: { id: patternId },
    select: {
      id: true,
      name: true,
      validFrom: true,
      site: { select: { id: true, code: true, name: true, timeZone: true } },
    },
  });
  if (!pattern) {
    throw new AppError("NOT_FOUND", "This shift pattern no longer exists. Reload the page to see the current ones.");
  }
  return { id: pattern.id, name: pattern.name, validFrom: localDateText(pattern.validFrom), site: pattern.site };
}

/** Every pattern start of a site, "YYYY-MM-DD", for working out which dates a pattern governs. */
export async function listPatternStarts(tx: Tx, siteId: string): Promise<Array<{ id: string; validFrom: string }>> {
  const rows = await tx.shiftPattern.findMany({
    where: { siteId },
    orderBy: { validFrom: "asc" },
    select: { id: true, validFrom: true },
  });
  return rows.map((row) => ({ id: row.id, validFrom: localDateText(row.validFrom) }));
}

/** Prisma's unique-constraint violation. */
export const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && (error as { code: string }).code === "P2002";
