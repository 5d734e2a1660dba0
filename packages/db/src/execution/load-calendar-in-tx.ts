import type { TCalendarSegment } from "@gemba/domain/execution/calendar-timeline";
import type { Tx } from "../tenant-scope";
import { loadSiteCalendar } from "./load-site-calendar";

type TCalendarClient = Parameters<typeof loadSiteCalendar>[0];

/**
 * The site calendar inside the procedure's own transaction. loadSiteCalendar is written for a
 * node-postgres client (the worker's); it only calls `query(text, values)` and reads `rows`, so
 * this adapter hands it the Prisma transaction, with the tenant already set for row-level security.
 */
export function loadCalendarInTx(
  tx: Tx,
  site: { siteId: string; timeZone: string },
  from: number,
  to: number,
): Promise<TCalendarSegment[]> {
  const client = {
    query: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe(text, ...values) }),
  };
  // Narrow on purpose: only `query` exists, which is all loadSiteCalendar uses.
  return loadSiteCalendar(client as unknown as TCalendarClient, { id: site.siteId, timeZone: site.timeZone }, from, to);
}
