import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TemplateEditorPage } from "~/components/checklists/template-editor-page";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Checklist" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One checklist: edit its steps and publish a new version, see its versions, start a run. */
export default async function ChecklistPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("MANAGER");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  return (
    <div className="page">
      <TemplateEditorPage templateId={id} />
    </div>
  );
}
