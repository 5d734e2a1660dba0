import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";
import type { TenantActor } from "../scope";
import { assertNotLastAdmin } from "./guard-last-admin";

export const ZRemoveMemberInput = z.object({ membershipId: z.uuid() });

/** Takes away access to this plant. The person's account and other plants are untouched. */
export async function removeMember(actor: TenantActor, input: z.infer<typeof ZRemoveMemberInput>) {
  const { tx } = actor;
  const membership = await tx.membership.findFirst({
    where: { id: input.membershipId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "This member is no longer part of the plant.");
  if (membership.role === "ADMIN") await assertNotLastAdmin(tx, membership.id, "remove");

  await tx.membership.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id: membership.id } } });
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: "member.remove",
    entityType: "Membership",
    entityId: membership.id,
    summary: `Removed ${membership.user.email} (${membership.role})`,
    before: { userId: membership.userId, role: membership.role },
  });
  return { removed: membership.id };
}
