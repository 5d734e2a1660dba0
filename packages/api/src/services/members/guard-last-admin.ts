import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";

/** A plant must always keep one admin, or nobody could manage its users again. */
export async function assertNotLastAdmin(tx: Tx, membershipId: string, doing: string): Promise<void> {
  const admins = await tx.membership.findMany({ where: { role: "ADMIN" }, select: { id: true } });
  if (admins.length === 1 && admins[0]?.id === membershipId) {
    throw new AppError("CONFLICT", `You cannot ${doing} the last admin of this plant. Make someone else admin first.`);
  }
}
