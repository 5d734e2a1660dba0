import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import {
  checkAcknowledge,
  checkNotesEditable,
  checkSign,
  type THandoverCheck,
} from "@gemba/domain/handover/handover-rules";
import { type THandoverStatus, ZHandoverSummary } from "@gemba/domain/handover/handover-summary";
import { handoverSearchText } from "@gemba/domain/handover/render-handover-text";
import { formatPlantTime } from "../decisions/plant-time";
import type { TenantActor } from "../scope";
import { loadHandoverView, type THandoverView } from "./handover-view";

type TLocked = {
  id: string;
  status: THandoverStatus;
  shiftName: string;
  shiftStart: Date;
  summary: unknown;
  notes: string;
  signedById: string | null;
  acknowledgedById: string | null;
};

const NOT_FOUND = "This handover does not exist in your plant. Reload the handover page.";

/**
 * The handover row, locked until the transaction ends: a change checks the status and writes in
 * one step, so two leads (or a lead and the worker redrafting) never both win.
 */
async function lockHandover(tx: Tx, handoverId: string): Promise<TLocked> {
  const [row] = await tx.$queryRaw<TLocked[]>`
    SELECT id, status::text AS status, "shiftName", "shiftStart", summary, notes, "signedById", "acknowledgedById"
      FROM "ShiftHandover" WHERE id = ${handoverId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
  return row;
}

/** "the Early shift of Nov 16, 06:00 at Main Site", in the site's clock. */
function describeShift(row: TLocked): string {
  const { site } = ZHandoverSummary.parse(row.summary);
  return `the ${row.shiftName} shift of ${formatPlantTime(row.shiftStart, site.timeZone)} at ${site.name}`;
}

function enforce(check: THandoverCheck): "ok" | "noop" {
  if (check.kind === "refuse") throw new AppError(check.code, check.message);
  return check.kind;
}

/** Saves the outgoing lead's notes (autosave): drafts only; search then finds the new words. */
export async function updateHandoverNotes(
  actor: TenantActor,
  input: { handoverId: string; notes: string },
  now = Date.now(),
): Promise<{ notes: string; updatedAt: Date }> {
  const { tx, tenantId } = actor;
  const row = await lockHandover(tx, input.handoverId);
  enforce(checkNotesEditable(row.status));
  const summary = ZHandoverSummary.parse(row.summary);
  const updated = await tx.shiftHandover.update({
    where: { tenantId_id: { tenantId, id: row.id } },
    data: {
      notes: input.notes,
      searchText: handoverSearchText(summary, { notes: input.notes }),
      updatedAt: new Date(now),
    },
    select: { notes: true, updatedAt: true },
  });
  return updated;
}

/** The outgoing lead signs: the figures are frozen from now on (the worker never redrafts a signed one). */
export async function signHandover(actor: TenantActor, handoverId: string, now = Date.now()): Promise<THandoverView> {
  const { tx, tenantId, userId } = actor;
  const row = await lockHandover(tx, handoverId);
  enforce(checkSign(row.status));
  const at = new Date(now);
  await tx.shiftHandover.update({
    where: { tenantId_id: { tenantId, id: row.id } },
    data: { status: "SIGNED", signedById: userId, signedAt: at, updatedAt: at },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "handover.sign",
    entityType: "ShiftHandover",
    entityId: row.id,
    summary: `Signed the handover of ${describeShift(row)}`,
    before: { status: row.status },
    after: { status: "SIGNED" },
  });
  return viewOf(actor, row.id);
}

/**
 * The incoming lead acknowledges, optionally with a note. Never the signer: a handover needs two
 * people. The same person acknowledging twice (a tablet sending again) is one acknowledgement.
 */
export async function acknowledgeHandover(
  actor: TenantActor,
  input: { handoverId: string; note?: string | undefined },
  now = Date.now(),
): Promise<THandoverView> {
  const { tx, tenantId, userId } = actor;
  const row = await lockHandover(tx, input.handoverId);
  if (enforce(checkAcknowledge(row, userId)) === "noop") return viewOf(actor, row.id);
  const note = input.note ? input.note : null;
  const at = new Date(now);
  await tx.shiftHandover.update({
    where: { tenantId_id: { tenantId, id: row.id } },
    data: {
      status: "ACKNOWLEDGED",
      acknowledgedById: userId,
      acknowledgedAt: at,
      acknowledgeNote: note,
      searchText: handoverSearchText(ZHandoverSummary.parse(row.summary), { notes: row.notes, acknowledgeNote: note }),
      updatedAt: at,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "handover.acknowledge",
    entityType: "ShiftHandover",
    entityId: row.id,
    summary: `Acknowledged the handover of ${describeShift(row)}${note ? `: ${note.slice(0, 200)}` : ""}`,
    before: { status: row.status },
    after: { status: "ACKNOWLEDGED", ...(note ? { note } : {}) },
  });
  return viewOf(actor, row.id);
}

export async function getHandover(actor: TenantActor, handoverId: string): Promise<THandoverView> {
  return viewOf(actor, handoverId);
}

async function viewOf(actor: TenantActor, handoverId: string): Promise<THandoverView> {
  const view = await loadHandoverView(actor.tx, handoverId, actor.userId);
  if (!view) throw new AppError("NOT_FOUND", NOT_FOUND);
  return view;
}
