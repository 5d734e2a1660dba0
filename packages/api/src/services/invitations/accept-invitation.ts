import { hashPassword, MIN_PASSWORD_LENGTH } from "@gemba/auth/password";
import { recordAudit } from "@gemba/db/audit/record-audit";
import type { PrismaClient } from "@gemba/db/client";
import { type Tx, withTenant } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";
import { parseInvitationToken } from "./invitation-token";

export const ZInvitationTokenInput = z.object({ token: z.string().min(1).max(200) });
export const ZAcceptInvitationInput = ZInvitationTokenInput.extend({
  name: z.string().trim().min(1, "Enter your name.").max(120),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Use at most 200 characters."),
});

const INVALID_LINK = "This invitation link is not valid. Ask your admin to invite you again.";

async function findOpenInvitation(tx: Tx, tokenHash: string) {
  const invitation = await tx.invitation.findFirst({
    where: { tokenHash, acceptedAt: null, revokedAt: null },
    select: {
      id: true,
      tenantId: true,
      email: true,
      name: true,
      role: true,
      expiresAt: true,
      tenant: { select: { name: true } },
    },
  });
  if (!invitation) throw new AppError("NOT_FOUND", INVALID_LINK);
  if (invitation.expiresAt.getTime() <= Date.now()) {
    throw new AppError("NOT_FOUND", "This invitation has expired. Ask your admin to send a new one.");
  }
  return invitation;
}

/** What the invitation page shows before the person sets a password. */
export async function lookupInvitation(db: PrismaClient, input: z.infer<typeof ZInvitationTokenInput>) {
  const parsed = parseInvitationToken(input.token);
  if (!parsed) throw new AppError("NOT_FOUND", INVALID_LINK);
  const invitation = await withTenant(db, parsed.tenantId, (tx) => findOpenInvitation(tx, parsed.tokenHash));
  return { email: invitation.email, name: invitation.name, role: invitation.role, plant: invitation.tenant.name };
}

/** Creates the account (or links an existing one) and the membership, then the person signs in. */
export async function acceptInvitation(db: PrismaClient, input: z.infer<typeof ZAcceptInvitationInput>) {
  const parsed = parseInvitationToken(input.token);
  if (!parsed) throw new AppError("NOT_FOUND", INVALID_LINK);
  const passwordHash = await hashPassword(input.password);
  return withTenant(db, parsed.tenantId, async (tx) => {
    const invitation = await findOpenInvitation(tx, parsed.tokenHash);
    const existing = await tx.user.findUnique({
      where: { email: invitation.email },
      select: { id: true, passwordHash: true },
    });
    if (existing?.passwordHash) {
      throw new AppError(
        "CONFLICT",
        `${invitation.email} already has a Gemba account. Sign in, and ask your admin to add you.`,
      );
    }
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { name: input.name, passwordHash },
          select: { id: true },
        })
      : await tx.user.create({
          data: { email: invitation.email, name: input.name, passwordHash },
          select: { id: true },
        });
    const membership = await tx.membership.create({
      data: { tenantId: invitation.tenantId, userId: user.id, role: invitation.role },
      select: { id: true },
    });
    await tx.invitation.update({
      where: { tenantId_id: { tenantId: invitation.tenantId, id: invitation.id } },
      data: { acceptedAt: new Date() },
    });
    await recordAudit(tx, {
      tenantId: invitation.tenantId,
      actorId: user.id,
      action: "member.join",
      entityType: "Membership",
      entityId: membership.id,
      summary: `${invitation.email} accepted the invitation as ${invitation.role}`,
      after: { role: invitation.role },
    });
    return { email: invitation.email };
  });
}
