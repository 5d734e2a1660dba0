import type { Metadata } from "next";
import { RuleEditor } from "~/components/automation/rule-editor";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "New rule" };

/** A new rule, blank or from a starter (`?template=long-stop`). */
export default async function NewRulePage({ searchParams }: { searchParams: Promise<{ template?: string }> }) {
  const me = await requireRole("MANAGER");
  const { template } = await searchParams;
  return (
    <div className="page">
      <RuleEditor ruleId={null} templateId={template ?? null} plantName={me.active?.name} />
    </div>
  );
}
