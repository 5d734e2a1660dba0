import type { ActiveSession } from "@gemba/auth/sessions";
import type { PrismaClient } from "@gemba/db/client";
import { withScope } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";

/** The signed-in person, every plant they belong to, and which one they are looking at. */
export async function getMe(db: PrismaClient, session: ActiveSession) {
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "Your account no longer exists. Sign in again.");
  // User scope without a tenant: the RLS policy shows this user's own memberships in every tenant.
  const memberships = await withScope(db, { tenantId: null, userId: session.userId }, (tx) =>
    tx.membership.findMany({
      where: { userId: session.userId },
      orderBy: { createdAt: "asc" },
      select: { tenantId: true, role: true, tenant: { select: { name: true, slug: true } } },
    }),
  );
  const tenants = memberships.map((m) => ({
    tenantId: m.tenantId,
    name: m.tenant.name,
    slug: m.tenant.slug,
    role: m.role,
  }));
  const active = tenants.find((tenant) => tenant.tenantId === session.activeTenantId) ?? null;
  return { user, tenants, active };
}
