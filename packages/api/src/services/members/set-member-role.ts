import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { ROLES } from "@gemba/domain/roles";
import { z } from "zod";
import type { TenantActor } from "../scope";
import { assertNotLastAdmin } from "./guard-last-admin";

export const ZSetMemberRoleInput = z.object({ membershipId: z.uuid(), role: z.enum(ROLES) });

export async function setMemberRole(actor: TenantActor, input: z.infer<typeof ZSetMemberRoleInput>) {
  const { tx } = actor;
  const membership = await tx.membership.findFirst({
    where: { id: input.membershipId },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "This member is no longer part of the plant.");
  if (membership.role === input.role) return { membershipId: membership.id, role: membership.role };
  if (membership.role === "ADMIN") await assertNotLastAdmin(tx, membership.id, "demote");

  await tx.membership.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: membership.id } },
    data: { role: input.role },
  });
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: "member.role_change",
    entityType: "Membership",
    entityId: membership.id,
    summary: `Changed ${membership.user.email} from ${membership.role} to ${input.role}`,
    before: { role: membership.role },
    after: { role: input.role },
  });
  return { membershipId: membership.id, role: input.role };
}
