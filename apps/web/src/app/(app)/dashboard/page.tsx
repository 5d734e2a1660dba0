import type { Metadata } from "next";
import { DashboardAnalysis } from "~/components/execution/dashboard-analysis";
import { OrdersTable } from "~/components/execution/orders-table";
import overviewStyles from "~/components/execution/overview.module.css";
import { PlantOverview } from "~/components/execution/plant-overview";
import { DashboardInsightsPanel } from "~/components/insights/dashboard-insights-panel";
import { PageHeader } from "~/components/ui/page-header";
import { TimeZoneNote } from "~/components/ui/time-zone-note";
import { requireRole } from "~/server/auth-guards";
import { loadPlantTimeZone } from "../plant-data";

export const metadata: Metadata = { title: "Dashboard" };

/** The manager's first screen: every work center right now, then where the time went. */
export default async function DashboardPage() {
  const me = await requireRole("MANAGER");
  const zone = await loadPlantTimeZone();
  return (
    <div className={`page ${overviewStyles.dashboard}`}>
      <PageHeader
        eyebrow={me.active?.name}
        title="Plant overview"
        description={<TimeZoneNote timeZone={zone.timeZone} mixed={zone.mixed} />}
      />
      <PlantOverview />
      <DashboardInsightsPanel />
      <DashboardAnalysis />
      <OrdersTable />
    </div>
  );
}
