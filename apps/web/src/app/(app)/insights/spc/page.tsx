import type { Metadata } from "next";
import { InsightsTabs } from "~/components/insights/insights-tabs";
import { SpcExplorer } from "~/components/insights/spc-explorer";
import { PageHeader } from "~/components/ui/page-header";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "SPC charts" };

/** Individuals control charts of a work center's cycle time, scrap rate or telemetry. */
export default async function SpcPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const me = await requireRole("MANAGER");
  const query = await searchParams;
  const one = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : null);
  const until = Number(one(query.until));
  return (
    <div className="page">
      <PageHeader
        eyebrow={me.active?.name}
        title="SPC control charts"
        description="Is a process in statistical control? Points outside the limits, or patterns the Western Electric rules flag, are marked."
      />
      <InsightsTabs />
      <SpcExplorer
        initial={{ workCenterId: one(query.workCenterId), until: Number.isFinite(until) && until > 0 ? until : null }}
      />
    </div>
  );
}
