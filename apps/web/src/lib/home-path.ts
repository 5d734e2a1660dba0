import { roleAtLeast, type TRole } from "@gemba/domain/roles";

/** Where each role lands after signing in; shared by server redirects and client navigation. */
export function homePathForRole(role: TRole | null): string {
  if (role === null) return "/no-plant";
  return roleAtLeast(role, "MANAGER") ? "/dashboard" : "/floor";
}
