import { buildHandoverSummary, type THandoverShift } from "@gemba/domain/handover/build-handover-summary";
import type { THandoverStatus } from "@gemba/domain/handover/handover-summary";
import { handoverSearchText } from "@gemba/domain/handover/render-handover-text";
import type { Tx } from "../tenant-scope";
import { loadHandoverSources } from "./load-handover-sources";

export type TDraftOutcome =
  /** A new draft. */
  | "created"
  /** An existing draft with fresh figures; the lead's notes kept. */
  | "refreshed"
  /** Signed or acknowledged: left as it was signed. */
  | "kept";

export type TDraftResult = { handoverId: string; outcome: TDraftOutcome; status: THandoverStatus };

type TExisting = { id: string; status: THandoverStatus; notes: string };

/**
 * Drafts the handover of one shift of a site from the data, inside the tenant's transaction.
 * A draft that exists gets fresh figures but keeps the lead's notes; a signed or acknowledged
 * one is never touched (its figures are what was signed). The row is locked while it is
 * redrafted, so notes saved at the same moment are neither lost nor left out of the search text.
 */
export async function draftHandover(
  tx: Tx,
  input: { tenantId: string; siteId: string; shift: THandoverShift; now: number },
): Promise<TDraftResult> {
  const { tenantId, siteId, shift, now } = input;
  let existing = await lockExisting(tx, siteId, shift.start);
  if (existing && existing.status !== "DRAFT") {
    return { handoverId: existing.id, outcome: "kept", status: existing.status };
  }
  const summary = buildHandoverSummary(await loadHandoverSources(tx, siteId, shift, now));
  const at = new Date(now);

  if (!existing) {
    const [inserted] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "ShiftHandover" ("tenantId", "siteId", "shiftName", "shiftStart", "shiftEnd", summary, "searchText", "draftedAt", "updatedAt")
      VALUES (${tenantId}::uuid, ${siteId}::uuid, ${shift.name}, ${new Date(shift.start)}, ${new Date(shift.end)},
              ${JSON.stringify(summary)}::jsonb, ${handoverSearchText(summary, { notes: "" })}, ${at}, ${at})
      ON CONFLICT ("tenantId", "siteId", "shiftStart") DO NOTHING
      RETURNING id`;
    if (inserted) return { handoverId: inserted.id, outcome: "created", status: "DRAFT" };
    // Drafted at the same moment by someone else (the worker and "Draft now"): refresh theirs.
    existing = await lockExisting(tx, siteId, shift.start);
    if (!existing) throw new Error("handover vanished while it was being drafted");
    if (existing.status !== "DRAFT") return { handoverId: existing.id, outcome: "kept", status: existing.status };
  }

  await tx.shiftHandover.update({
    where: { tenantId_id: { tenantId, id: existing.id } },
    data: {
      shiftName: shift.name,
      shiftEnd: new Date(shift.end),
      summary,
      searchText: handoverSearchText(summary, { notes: existing.notes }),
      draftedAt: at,
      updatedAt: at,
    },
    select: { id: true },
  });
  return { handoverId: existing.id, outcome: "refreshed", status: "DRAFT" };
}

async function lockExisting(tx: Tx, siteId: string, shiftStart: number): Promise<TExisting | null> {
  const [row] = await tx.$queryRaw<TExisting[]>`
    SELECT id, status::text AS status, notes FROM "ShiftHandover"
     WHERE "siteId" = ${siteId}::uuid AND "shiftStart" = ${new Date(shiftStart)}
     FOR UPDATE`;
  return row ?? null;
}
