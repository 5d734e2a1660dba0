import type { ActiveSession } from "@gemba/auth/sessions";
import type { PrismaClient } from "@gemba/db/client";
import { withScope } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";

export const ZSwitchTenantInput = z.object({ tenantId: z.uuid() });

/** Moves this browser's session to another plant the user belongs to. */
export async function switchTenant(
  db: PrismaClient,
  session: ActiveSession,
  input: z.infer<typeof ZSwitchTenantInput>,
) {
  const membership = await withScope(db, { tenantId: null, userId: session.userId }, (tx) =>
    tx.membership.findFirst({ where: { tenantId: input.tenantId, userId: session.userId }, select: { role: true } }),
  );
  if (!membership) throw new AppError("FORBIDDEN", "You are not a member of that plant.");
  await db.userSession.update({ where: { id: session.sessionId }, data: { activeTenantId: input.tenantId } });
  return { tenantId: input.tenantId, role: membership.role };
}
