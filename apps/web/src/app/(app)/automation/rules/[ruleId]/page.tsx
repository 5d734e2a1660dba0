import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RuleEditor } from "~/components/automation/rule-editor";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Rule" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One rule: edit it, dry-run the edit, switch it on or off, and read its run history. */
export default async function RulePage({ params }: { params: Promise<{ ruleId: string }> }) {
  const me = await requireRole("MANAGER");
  const { ruleId } = await params;
  if (!UUID.test(ruleId)) notFound();
  return (
    <div className="page">
      <RuleEditor ruleId={ruleId} templateId={null} plantName={me.active?.name} />
    </div>
  );
}
