import type { TenantActor } from "../scope";
import type { THandoverSiteInput } from "./handover-inputs";
import { HANDOVER_SELECT, type THandoverView, toHandoverViews } from "./handover-view";
import { resolveHandoverSite, type THandoverSite } from "./resolve-handover-site";
import { shiftToDraft } from "./shift-to-draft";

export type TCurrentHandover = {
  site: THandoverSite | null;
  /** Every site, for a plant with several. */
  sites: THandoverSite[];
  /** The latest handover of the site: the draft of the shift that just ended, or the one to acknowledge. */
  handover: THandoverView | null;
  /** Older handovers still waiting to be acknowledged (newest first), so none is forgotten. */
  awaitingAcknowledgement: { id: string; shiftName: string; shiftStart: Date }[];
  /** The shift "Draft now" would draft (see shiftToDraftNow); null without shifts. */
  draftable: { name: string; start: Date; end: Date; running: boolean; handoverId: string | null } | null;
};

export async function getCurrentHandover(
  actor: TenantActor,
  input: THandoverSiteInput,
  now = Date.now(),
): Promise<TCurrentHandover> {
  const { tx, userId } = actor;
  const site = await resolveHandoverSite(tx, input.siteId);
  const sites = await tx.site.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true, timeZone: true } });
  if (!site) return { site: null, sites, handover: null, awaitingAcknowledgement: [], draftable: null };

  const latest = await tx.shiftHandover.findFirst({
    where: { siteId: site.id },
    orderBy: [{ shiftStart: "desc" }, { id: "desc" }],
    select: HANDOVER_SELECT,
  });
  const [handover] = latest ? await toHandoverViews(tx, [latest], userId) : [];
  const awaiting = await tx.shiftHandover.findMany({
    where: { siteId: site.id, status: "SIGNED", ...(latest ? { id: { not: latest.id } } : {}) },
    orderBy: { shiftStart: "desc" },
    take: 5,
    select: { id: true, shiftName: true, shiftStart: true },
  });

  const shift = await shiftToDraft(tx, site, now);
  const drafted = shift
    ? await tx.shiftHandover.findFirst({
        where: { siteId: site.id, shiftStart: new Date(shift.start) },
        select: { id: true },
      })
    : null;
  return {
    site,
    sites,
    handover: handover ?? null,
    awaitingAcknowledgement: awaiting,
    draftable: shift && {
      name: shift.name,
      start: new Date(shift.start),
      end: new Date(shift.end),
      running: shift.start <= now && now < shift.end,
      handoverId: drafted?.id ?? null,
    },
  };
}
