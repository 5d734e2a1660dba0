import type { Metadata } from "next";
import Link from "next/link";
import { AutomationTabs } from "~/components/automation/automation-tabs";
import { RulesList } from "~/components/automation/rules-list";
import { PlusIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Automation" };

/** The plant's rules: when something happens, only if it matches, then act. */
export default async function AutomationPage() {
  const me = await requireRole("MANAGER");
  return (
    <div className="page">
      <PageHeader
        eyebrow={me.active?.name}
        title="Automation"
        description="Rules that turn what happens on the floor into tasks, e-mails, webhooks and checklists — without anyone having to watch."
        actions={
          <Link href="/automation/rules/new" className="btn btn-primary">
            <PlusIcon size={16} /> New rule
          </Link>
        }
      />
      <AutomationTabs />
      <RulesList />
    </div>
  );
}
