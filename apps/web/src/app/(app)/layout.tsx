import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "~/components/shell/app-shell";
import { PlantTimeZoneProvider } from "~/components/shell/plant-time-zone";
import { plantTimeZoneOf } from "~/lib/plant-time-zone";
import { requireSignedIn } from "~/server/auth-guards";
import { loadPlantTree } from "./plant-data";

// Every page here depends on the signed-in session: never prerender at build time.
export const dynamic = "force-dynamic";

/** Every signed-in page: navigation by role, the plant switcher, the plant tree and the user menu. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const me = await requireSignedIn();
  if (!me.active) redirect("/no-plant");
  const tree = await loadPlantTree();
  const { timeZone } = plantTimeZoneOf(tree);
  return (
    <PlantTimeZoneProvider timeZone={timeZone}>
      <AppShell user={me.user} tenants={me.tenants} active={me.active} initialTree={tree}>
        {children}
      </AppShell>
    </PlantTimeZoneProvider>
  );
}
