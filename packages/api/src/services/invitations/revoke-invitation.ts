import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";
import type { TenantActor } from "../scope";

export const ZRevokeInvitationInput = z.object({ invitationId: z.uuid() });

export async function revokeInvitation(actor: TenantActor, input: z.infer<typeof ZRevokeInvitationInput>) {
  const { tx } = actor;
  const invitation = await tx.invitation.findFirst({
    where: { id: input.invitationId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true },
  });
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation was already accepted or withdrawn.");
  await tx.invitation.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: invitation.id } },
    data: { revokedAt: new Date() },
  });
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: "member.invite_revoke",
    entityType: "Invitation",
    entityId: invitation.id,
    summary: `Withdrew the invitation for ${invitation.email}`,
  });
  return { revoked: invitation.id };
}
