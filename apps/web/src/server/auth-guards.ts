import "server-only";
import { roleAtLeast, type TRole } from "@gemba/domain/roles";
import { redirect } from "next/navigation";
import { serverApi } from "~/trpc/server";
import { currentSession } from "./auth";

/** For layouts and pages: the signed-in person and their role in the active plant, or a redirect to sign in. */
export async function requireSignedIn() {
  const session = await currentSession();
  if (!session) redirect("/signin");
  const api = await serverApi();
  return api.me.get();
}

/** Where each role lands after signing in. */
export function homePathFor(role: TRole | null): string {
  if (role === null) return "/no-plant";
  return roleAtLeast(role, "MANAGER") ? "/dashboard" : "/floor";
}

/** Pages for a minimum role: others are sent to their own home rather than shown an error. */
export async function requireRole(minimum: TRole) {
  const me = await requireSignedIn();
  const role = me.active?.role ?? null;
  if (!role || !roleAtLeast(role, minimum)) redirect(homePathFor(role));
  return me;
}
