import { redirect } from "next/navigation";
import { homePathFor, requireSignedIn } from "~/server/auth-guards";

// Every page here depends on the signed-in session: never prerender at build time.
export const dynamic = "force-dynamic";

/** The front door: each role lands on its own home (managers the dashboard, operators the floor). */
export default async function HomePage() {
  const me = await requireSignedIn();
  redirect(homePathFor(me.active?.role ?? null));
}
