import type { Metadata } from "next";
import { KpiCards } from "~/components/dashboard/kpi-cards";
import { LineTiles } from "~/components/dashboard/line-tiles";
import { OpenOrdersTable } from "~/components/dashboard/open-orders-table";
import { PageHeader } from "~/components/ui/page-header";
import { TimeZoneNote } from "~/components/ui/time-zone-note";
import { requireRole } from "~/server/auth-guards";
import { serverApi } from "~/trpc/server";
import { loadPlantTimeZone, loadPlantTree } from "../plant-data";

export const metadata: Metadata = { title: "Dashboard" };

const ORDER_ROWS = 20;

/** The manager's first screen: how the plant stands right now. OEE charts come later. */
export default async function DashboardPage() {
  const me = await requireRole("MANAGER");
  const api = await serverApi();
  const [summary, orders, tree, zone] = await Promise.all([
    api.plant.summary(),
    api.plant.openOrders({ limit: ORDER_ROWS }),
    loadPlantTree(),
    loadPlantTimeZone(),
  ]);
  const now = new Date();
  return (
    <div className="page">
      <PageHeader
        eyebrow={me.active?.name}
        title="Plant overview"
        description={<TimeZoneNote timeZone={zone.timeZone} mixed={zone.mixed} />}
      />
      <KpiCards summary={summary} timeZone={zone.timeZone} now={now} />
      <OpenOrdersTable orders={orders} total={summary.openOrders} timeZone={zone.timeZone} now={now} />
      <LineTiles tree={tree} />
    </div>
  );
}
