import type { Metadata } from "next";
import { InsightsFeed } from "~/components/insights/insights-feed";
import { InsightsTabs } from "~/components/insights/insights-tabs";
import { PageHeader } from "~/components/ui/page-header";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Insights" };

/** What the detectors found in the plant's history, newest first. */
export default async function InsightsPage() {
  const me = await requireRole("MANAGER");
  return (
    <div className="page">
      <PageHeader
        eyebrow={me.active?.name}
        title="Insights"
        description="Control-chart signals, anomalies, bottlenecks, recurring stops, late orders and breakdown risk, each with its evidence and what to do."
      />
      <InsightsTabs />
      <InsightsFeed />
    </div>
  );
}
