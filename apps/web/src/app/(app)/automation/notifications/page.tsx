import type { Metadata } from "next";
import { AutomationTabs } from "~/components/automation/automation-tabs";
import { NotificationsTable } from "~/components/automation/notifications-table";
import { PageHeader } from "~/components/ui/page-header";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const me = await requireRole("MANAGER");
  return (
    <div className="page">
      <PageHeader eyebrow={me.active?.name} title="Automation" description="E-mails and webhooks sent by rules." />
      <AutomationTabs />
      <NotificationsTable />
    </div>
  );
}
