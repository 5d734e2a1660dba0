import type { Metadata } from "next";
import { DetectorSettingsTable } from "~/components/insights/detector-settings-table";
import { MaintenanceModelCard } from "~/components/insights/maintenance-model-card";

export const metadata: Metadata = { title: "Insights settings" };

export default function AdminInsightsPage() {
  return (
    <>
      <DetectorSettingsTable />
      <MaintenanceModelCard />
    </>
  );
}
