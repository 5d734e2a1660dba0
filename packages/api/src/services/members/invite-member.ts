import { normalizeEmail } from "@gemba/auth/normalize-email";
import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { ROLES } from "@gemba/domain/roles";
import { z } from "zod";
import { createInvitationToken, INVITATION_TTL_MS } from "../invitations/invitation-token";
import type { TenantActor } from "../scope";

export const ZInviteMemberInput = z.object({
  email: z.email("Enter a valid email address."),
  name: z.string().trim().min(1, "Enter the person's name.").max(120),
  role: z.enum(ROLES),
});

export type TInviteResult =
  | { kind: "added"; email: string }
  | { kind: "invited"; email: string; invitePath: string; expiresAt: Date };

/**
 * Gives a person access to this plant. Someone who already has a Gemba account is added at
 * once; anyone else gets a one-week invitation link to set their password. Inviting the same
 * email again replaces the earlier link (the admin may have lost it).
 */
export async function inviteMember(
  actor: TenantActor,
  input: z.infer<typeof ZInviteMemberInput>,
): Promise<TInviteResult> {
  const { tx, tenantId } = actor;
  const email = normalizeEmail(input.email);
  const existingUser = await tx.user.findUnique({ where: { email }, select: { id: true } });

  if (existingUser) {
    const already = await tx.membership.findFirst({ where: { userId: existingUser.id }, select: { id: true } });
    if (already) throw new AppError("CONFLICT", `${email} is already a member of this plant.`);
    const membership = await tx.membership.create({
      data: { tenantId, userId: existingUser.id, role: input.role },
      select: { id: true },
    });
    await recordAudit(tx, {
      tenantId,
      actorId: actor.userId,
      action: "member.add",
      entityType: "Membership",
      entityId: membership.id,
      summary: `Added ${email} as ${input.role}`,
      after: { email, role: input.role },
    });
    return { kind: "added", email };
  }

  await tx.invitation.updateMany({
    where: { email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const { token, tokenHash } = createInvitationToken(tenantId);
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const invitation = await tx.invitation.create({
    data: { tenantId, email, name: input.name, role: input.role, tokenHash, invitedById: actor.userId, expiresAt },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "member.invite",
    entityType: "Invitation",
    entityId: invitation.id,
    summary: `Invited ${email} as ${input.role}`,
    after: { email, name: input.name, role: input.role, expiresAt: expiresAt.toISOString() },
  });
  return { kind: "invited", email, invitePath: `/invite/${token}`, expiresAt };
}
