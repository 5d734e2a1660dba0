import type { Metadata } from "next";
import { ChecklistsWorkspace } from "~/components/checklists/checklists-workspace";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Checklists" };

/** Checklists and work instructions: the templates, and the runs done with them at the work centers. */
export default async function ChecklistsPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const me = await requireRole("MANAGER");
  const { view } = await searchParams;
  return (
    <div className="page">
      <ChecklistsWorkspace plantName={me.active?.name} initialView={view === "runs" ? "runs" : "templates"} />
    </div>
  );
}
