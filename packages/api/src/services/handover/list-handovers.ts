import type { Prisma } from "@gemba/db/client";
import { decodeHandoverCursor, encodeHandoverCursor } from "@gemba/domain/handover/handover-rules";
import { type THandoverStatus, ZHandoverSummary } from "@gemba/domain/handover/handover-summary";
import { plantTimeZone } from "../decisions/plant-time";
import { utcBoundsOf } from "../execution/resolve-local-date-range";
import type { TenantActor } from "../scope";
import { loadPeople, type TPerson } from "../tasks/load-people";
import type { TListHandoversInput } from "./handover-inputs";
import { resolveHandoverSite } from "./resolve-handover-site";

export type THandoverListRow = {
  id: string;
  site: { id: string; name: string };
  shiftName: string;
  shiftStart: Date;
  shiftEnd: Date;
  status: THandoverStatus;
  /** The site's OEE over the shift, raw (the screen caps it). */
  oee: number | null;
  /** Where the searched words appear, or the start of the notes. */
  excerpt: string;
  signedBy: TPerson | null;
  signedAt: Date | null;
  acknowledgedBy: TPerson | null;
  acknowledgedAt: Date | null;
};

const EXCERPT_LENGTH = 160;

/**
 * Handover history, newest shift first: words searched in the notes and the whole report
 * (searchText holds both, lower-cased), filtered by site, status, shift name and the local dates
 * the shifts started on, paged by (shift start, id) so a page never repeats or skips one.
 */
export async function listHandovers(
  actor: TenantActor,
  input: TListHandoversInput,
): Promise<{ handovers: THandoverListRow[]; nextCursor: string | null; shiftNames: string[] }> {
  const { tx } = actor;
  const site = input.siteId ? await resolveHandoverSite(tx, input.siteId) : null;
  const where: Prisma.ShiftHandoverWhereInput[] = [];
  if (site) where.push({ siteId: site.id });
  if (input.status) where.push({ status: input.status });
  if (input.shiftName) where.push({ shiftName: { equals: input.shiftName, mode: "insensitive" } });
  const words = input.q ? input.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
  for (const word of words) {
    where.push({ OR: [{ searchText: { contains: word } }, { notes: { contains: word, mode: "insensitive" } }] });
  }
  if (input.from || input.to) {
    const timeZone = site?.timeZone ?? (await plantTimeZone(tx));
    const bounds = utcBoundsOf({ from: input.from ?? "1970-01-01", to: input.to ?? "9999-12-30" }, timeZone);
    where.push({
      shiftStart: {
        ...(input.from ? { gte: new Date(bounds.from) } : {}),
        ...(input.to ? { lt: new Date(bounds.to) } : {}),
      },
    });
  }
  const position = input.cursor ? decodeHandoverCursor(input.cursor) : null;
  if (position) {
    where.push(
      position.id
        ? {
            OR: [
              { shiftStart: { lt: position.shiftStart } },
              { shiftStart: position.shiftStart, id: { lt: position.id } },
            ],
          }
        : { shiftStart: { lt: position.shiftStart } },
    );
  }

  const rows = await tx.shiftHandover.findMany({
    where: { AND: where },
    orderBy: [{ shiftStart: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      siteId: true,
      site: { select: { name: true } },
      shiftName: true,
      shiftStart: true,
      shiftEnd: true,
      status: true,
      summary: true,
      notes: true,
      searchText: true,
      signedById: true,
      signedAt: true,
      acknowledgedById: true,
      acknowledgedAt: true,
    },
  });
  const page = rows.slice(0, input.limit);
  const person = await loadPeople(
    tx,
    page.flatMap((row) => [row.signedById, row.acknowledgedById]),
  );
  const names = await tx.shiftHandover.findMany({
    where: site ? { siteId: site.id } : {},
    distinct: ["shiftName"],
    orderBy: { shiftName: "asc" },
    select: { shiftName: true },
  });
  const last = page[page.length - 1];
  return {
    handovers: page.map((row) => ({
      id: row.id,
      site: { id: row.siteId, name: row.site.name },
      shiftName: row.shiftName,
      shiftStart: row.shiftStart,
      shiftEnd: row.shiftEnd,
      status: row.status as THandoverStatus,
      oee: ZHandoverSummary.shape.oee.parse((row.summary as { oee?: unknown }).oee).site.oee,
      excerpt: excerptOf(row, words),
      signedBy: person(row.signedById),
      signedAt: row.signedAt,
      acknowledgedBy: person(row.acknowledgedById),
      acknowledgedAt: row.acknowledgedAt,
    })),
    nextCursor: rows.length > input.limit && last ? encodeHandoverCursor(last) : null,
    shiftNames: names.map((row) => row.shiftName),
  };
}

/** A line of context around the first searched word: from the notes if they have it, else from the report. */
function excerptOf(row: { notes: string; searchText: string }, words: readonly string[]): string {
  const word = words[0];
  if (!word) return clip(row.notes.trim(), 0);
  const inNotes = row.notes.toLowerCase().indexOf(word);
  if (inNotes >= 0) return clip(row.notes, inNotes);
  const inReport = row.searchText.indexOf(word);
  return inReport >= 0 ? clip(row.searchText, inReport) : clip(row.notes.trim(), 0);
}

function clip(text: string, at: number): string {
  const start = Math.max(0, at - 50);
  const piece = text
    .slice(start, start + EXCERPT_LENGTH)
    .replace(/\s+/g, " ")
    .trim();
  return `${start > 0 ? "…" : ""}${piece}${start + EXCERPT_LENGTH < text.length ? "…" : ""}`;
}
