import type { Tx } from "@gemba/db/tenant-scope";

/** People with access to this plant, with their role and when they last used Gemba. */
export async function listMembers(tx: Tx) {
  const memberships = await tx.membership.findMany({
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true, disabledAt: true } },
    },
  });
  return memberships.map((m) => ({
    membershipId: m.id,
    role: m.role,
    memberSince: m.createdAt,
    userId: m.user.id,
    email: m.user.email,
    name: m.user.name,
    disabled: m.user.disabledAt !== null,
  }));
}
