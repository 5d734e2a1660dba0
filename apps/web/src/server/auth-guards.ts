import "server-only";
import { roleAtLeast, type TRole } from "@gemba/domain/roles";
import { redirect } from "next/navigation";
import { homePathForRole } from "~/lib/home-path";
import { serverApi } from "~/trpc/server";
import { currentSession } from "./auth";

/** For layouts and pages: the signed-in person and their role in the active plant, or a redirect to sign in. */
export async function requireSignedIn() {
  const session = await currentSession();
  if (!session) redirect("/signin");
  const api = await serverApi();
  return api.me.get();
}

export { homePathForRole as homePathFor } from "~/lib/home-path";

/** Pages for a minimum role: others are sent to their own home rather than shown an error. */
export async function requireRole(minimum: TRole) {
  const me = await requireSignedIn();
  const role = me.active?.role ?? null;
  if (!role || !roleAtLeast(role, minimum)) redirect(homePathForRole(role));
  return me;
}
