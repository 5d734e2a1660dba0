import type { Metadata } from "next";
import { TemplateEditor } from "~/components/checklists/template-editor";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "New checklist" };

/** A new checklist, written and published as version 1 in one go. */
export default async function NewChecklistPage() {
  await requireRole("MANAGER");
  return (
    <div className="page">
      <TemplateEditor template={null} />
    </div>
  );
}
