import type { Tx } from "@gemba/db/tenant-scope";

/** Invitations nobody has accepted yet, including expired ones so the admin can re-send. */
export async function listPendingInvitations(tx: Tx) {
  const invitations = await tx.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, createdAt: true },
  });
  const now = Date.now();
  return invitations.map((invitation) => ({ ...invitation, expired: invitation.expiresAt.getTime() <= now }));
}
