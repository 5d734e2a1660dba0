import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { OfflineQueueProvider } from "~/components/floor/offline-queue/use-offline-queue";
import { TabletShell } from "~/components/floor/tablet-shell";
import { PlantTimeZoneProvider } from "~/components/shell/plant-time-zone";
import { plantTimeZoneOf } from "~/lib/plant-time-zone";
import { requireSignedIn } from "~/server/auth-guards";
import { serverApi } from "~/trpc/server";

// Depends on the signed-in session: never prerender at build time.
export const dynamic = "force-dynamic";

/**
 * The operator tablet: full screen, no sidebar. One header with the work center, the connection
 * and the actions waiting to be sent; the outbox belongs to this person in this plant, so a
 * colleague signing in on the same tablet never sends someone else's taps.
 */
export default async function FloorLayout({ children }: { children: ReactNode }) {
  const me = await requireSignedIn();
  if (!me.active) redirect("/no-plant");
  const tree = await (await serverApi()).plant.tree();
  const { timeZone } = plantTimeZoneOf(tree);
  return (
    <PlantTimeZoneProvider timeZone={timeZone}>
      <OfflineQueueProvider owner={`${me.active.tenantId}:${me.user.id}`}>
        <TabletShell user={me.user} plant={me.active}>
          {children}
        </TabletShell>
      </OfflineQueueProvider>
    </PlantTimeZoneProvider>
  );
}
