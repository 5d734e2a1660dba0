import type { TSignalContext } from "@gemba/domain/automation/match-rule";
import { utcToZoned } from "@gemba/domain/calendar/zoned-time";
import type pg from "pg";
import { loadSiteCalendar } from "../execution/load-site-calendar";

/** What a rule's conditions and texts need to know about a work center. */
export type TWorkCenterFacts = {
  id: string;
  code: string;
  name: string;
  lineId: string;
  lineName: string;
  siteId: string;
  timeZone: string;
};

export type TSiteFacts = { id: string; timeZone: string };

/**
 * Reads the facts a signal's context is built from, inside one tenant transaction, remembering
 * what it read: a signal of hundreds of events at one work center costs a few queries, not hundreds.
 */
export class SignalContextLoader {
  private readonly workCenters = new Map<string, TWorkCenterFacts | null>();
  private readonly shifts = new Map<string, string | null>();
  private readonly products = new Map<string, string | null>();
  private sites: TSiteFacts[] | null = null;

  constructor(private readonly client: pg.ClientBase) {}

  async workCenter(id: string | null): Promise<TWorkCenterFacts | null> {
    if (id === null) return null;
    if (!this.workCenters.has(id)) await this.preloadWorkCenters([id]);
    return this.workCenters.get(id) ?? null;
  }

  async preloadWorkCenters(ids: Iterable<string | null>): Promise<void> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== null && !this.workCenters.has(id)))];
    if (wanted.length === 0) return;
    const { rows } = await this.client.query<TWorkCenterFacts>(
      `SELECT wc.id, wc.code, wc.name, l.id AS "lineId", l.name AS "lineName", s.id AS "siteId", s."timeZone"
         FROM "WorkCenter" wc JOIN "Line" l ON l.id = wc."lineId" JOIN "Area" a ON a.id = l."areaId"
         JOIN "Site" s ON s.id = a."siteId"
        WHERE wc.id = ANY($1::uuid[])`,
      [wanted],
    );
    for (const id of wanted) this.workCenters.set(id, null);
    for (const row of rows) this.workCenters.set(row.id, row);
  }

  /** Every site of the tenant, oldest first (a plant-wide schedule fires once per site). */
  async allSites(): Promise<TSiteFacts[]> {
    if (!this.sites) {
      const { rows } = await this.client.query<TSiteFacts>(
        `SELECT id, "timeZone" FROM "Site" ORDER BY "createdAt", id`,
      );
      this.sites = rows;
    }
    return this.sites;
  }

  /** The name of the shift running at the site at `at` (null outside shifts, or with no calendar). */
  async shiftNameAt(site: TSiteFacts, at: number): Promise<string | null> {
    const key = `${site.id}|${Math.floor(at / 60_000)}`;
    if (!this.shifts.has(key)) {
      const segments = await loadSiteCalendar(this.client as pg.PoolClient, site, at, at + 1);
      const segment = segments.find((entry) => entry.start <= at && at < entry.end);
      this.shifts.set(key, segment?.shift?.name ?? null);
    }
    return this.shifts.get(key) ?? null;
  }

  /** The product of the order running at the work center at `at`: the latest started and not completed then. */
  async productAt(workCenterId: string, at: number): Promise<string | null> {
    const key = `${workCenterId}|${Math.floor(at / 60_000)}`;
    if (!this.products.has(key)) {
      const { rows } = await this.client.query<{ productId: string }>(
        `SELECT "productId" FROM "ProductionOrder"
          WHERE "workCenterId" = $1 AND "startedAt" <= $2 AND ("completedAt" IS NULL OR "completedAt" > $2)
            AND status <> 'CANCELLED'
          ORDER BY "startedAt" DESC LIMIT 1`,
        [workCenterId, new Date(at)],
      );
      this.products.set(key, rows[0]?.productId ?? null);
    }
    return this.products.get(key) ?? null;
  }

  /** The context a rule's conditions are checked against, for a signal at `at`. */
  async contextFor(input: {
    workCenterId: string | null;
    /** The site, for signals without a work center (a plant-wide schedule). */
    siteId?: string | null;
    at: number;
    reasonCode: string | null;
    productId?: string | null;
  }): Promise<{ context: TSignalContext; workCenter: TWorkCenterFacts | null }> {
    const workCenter = await this.workCenter(input.workCenterId);
    const site = workCenter
      ? { id: workCenter.siteId, timeZone: workCenter.timeZone }
      : ((await this.allSites()).find((entry) => entry.id === input.siteId) ?? null);
    const local = site ? utcToZoned(input.at, site.timeZone) : null;
    const productId =
      input.productId !== undefined
        ? input.productId
        : workCenter
          ? await this.productAt(workCenter.id, input.at)
          : null;
    return {
      workCenter,
      context: {
        workCenterId: input.workCenterId,
        lineId: workCenter?.lineId ?? null,
        shiftName: site ? await this.shiftNameAt(site, input.at) : null,
        productId,
        reasonCode: input.reasonCode,
        local: local ? { weekday: local.isoWeekday, minuteOfDay: local.minuteOfDay } : null,
      },
    };
  }
}
