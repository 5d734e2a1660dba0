import type { Metadata } from "next";
import { AutomationTabs } from "~/components/automation/automation-tabs";
import { RunsTable } from "~/components/automation/runs-table";
import { StuckTriggers } from "~/components/automation/stuck-triggers";
import { PageHeader } from "~/components/ui/page-header";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Rule runs" };

/** Every rule's firings, newest first; `?status=FAILED` opens on the failures. */
export default async function RuleRunsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const me = await requireRole("MANAGER");
  const { status } = await searchParams;
  return (
    <div className="page">
      <PageHeader eyebrow={me.active?.name} title="Automation" description="What the rules did, and what went wrong." />
      <AutomationTabs />
      <StuckTriggers />
      <RunsTable initialFilter={status === "FAILED" ? "FAILED" : "ALL"} />
    </div>
  );
}
