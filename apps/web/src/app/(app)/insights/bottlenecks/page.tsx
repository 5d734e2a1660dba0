import type { Metadata } from "next";
import { BottleneckExplorer } from "~/components/insights/bottleneck-explorer";
import { InsightsTabs } from "~/components/insights/insights-tabs";
import { PageHeader } from "~/components/ui/page-header";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Bottlenecks" };

/** Which work center held each line back, and when that moved. */
export default async function BottlenecksPage() {
  const me = await requireRole("MANAGER");
  return (
    <div className="page">
      <PageHeader
        eyebrow={me.active?.name}
        title="Bottlenecks"
        description="The work center with the longest uninterrupted active period constrains the line (active-period method): improve it first."
      />
      <InsightsTabs />
      <BottleneckExplorer />
    </div>
  );
}
