import type { Prisma } from "@gemba/db/client";
import type { Tx } from "@gemba/db/tenant-scope";
import { checkAcknowledge, checkNotesEditable, checkSign } from "@gemba/domain/handover/handover-rules";
import { type THandoverStatus, type THandoverSummary, ZHandoverSummary } from "@gemba/domain/handover/handover-summary";
import { loadPeople, type TPerson } from "../tasks/load-people";

export const HANDOVER_SELECT = {
  id: true,
  siteId: true,
  site: { select: { name: true, timeZone: true } },
  shiftName: true,
  shiftStart: true,
  shiftEnd: true,
  status: true,
  summary: true,
  notes: true,
  draftedAt: true,
  updatedAt: true,
  signedById: true,
  signedAt: true,
  acknowledgedById: true,
  acknowledgedAt: true,
  acknowledgeNote: true,
} satisfies Prisma.ShiftHandoverSelect;

export type THandoverRow = Prisma.ShiftHandoverGetPayload<{ select: typeof HANDOVER_SELECT }>;

export type THandoverView = {
  id: string;
  site: { id: string; name: string; timeZone: string };
  shiftName: string;
  shiftStart: Date;
  shiftEnd: Date;
  status: THandoverStatus;
  summary: THandoverSummary;
  notes: string;
  draftedAt: Date;
  updatedAt: Date;
  signedBy: TPerson | null;
  signedAt: Date | null;
  acknowledgedBy: TPerson | null;
  acknowledgedAt: Date | null;
  acknowledgeNote: string | null;
  /** What the person looking may do now (the service checks again when they do it). */
  viewer: { canEditNotes: boolean; canSign: boolean; canAcknowledge: boolean; signedByMe: boolean };
};

/** Handovers as the screens show them: the stored summary read back through its schema, names for ids. */
export async function toHandoverViews(tx: Tx, rows: readonly THandoverRow[], userId: string): Promise<THandoverView[]> {
  const person = await loadPeople(
    tx,
    rows.flatMap((row) => [row.signedById, row.acknowledgedById]),
  );
  return rows.map((row) => {
    const status = row.status as THandoverStatus;
    return {
      id: row.id,
      site: { id: row.siteId, name: row.site.name, timeZone: row.site.timeZone },
      shiftName: row.shiftName,
      shiftStart: row.shiftStart,
      shiftEnd: row.shiftEnd,
      status,
      summary: ZHandoverSummary.parse(row.summary),
      notes: row.notes,
      draftedAt: row.draftedAt,
      updatedAt: row.updatedAt,
      signedBy: person(row.signedById),
      signedAt: row.signedAt,
      acknowledgedBy: person(row.acknowledgedById),
      acknowledgedAt: row.acknowledgedAt,
      acknowledgeNote: row.acknowledgeNote,
      viewer: {
        canEditNotes: checkNotesEditable(status).kind === "ok",
        canSign: checkSign(status).kind === "ok",
        canAcknowledge: checkAcknowledge({ ...row, status }, userId).kind === "ok",
        signedByMe: row.signedById === userId,
      },
    };
  });
}

export async function loadHandoverView(tx: Tx, handoverId: string, userId: string): Promise<THandoverView | null> {
  const row = await tx.shiftHandover.findFirst({ where: { id: handoverId }, select: HANDOVER_SELECT });
  if (!row) return null;
  const [view] = await toHandoverViews(tx, [row], userId);
  return view ?? null;
}
