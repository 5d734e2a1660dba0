/**
 * The role ladder inside a tenant. Each role can do everything the roles below it can:
 * OPERATOR < MANAGER < ADMIN.
 */
export const ROLES = ["OPERATOR", "MANAGER", "ADMIN"] as const;
export type TRole = (typeof ROLES)[number];

const rank: Record<TRole, number> = { OPERATOR: 1, MANAGER: 2, ADMIN: 3 };

export function roleAtLeast(role: TRole, minimum: TRole): boolean {
  return rank[role] >= rank[minimum];
}

export const roleLabels: Record<TRole, string> = {
  OPERATOR: "Operator",
  MANAGER: "Manager",
  ADMIN: "Admin",
};
