import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunPage } from "~/components/checklists/run-page";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Checklist run" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One run: every answer, flagged ones in red; in progress it can be filled in, completed it is read-only. */
export default async function ChecklistRunPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireRole("MANAGER");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  return (
    <div className="page">
      <RunPage runId={id} myName={me.user.name} />
    </div>
  );
}
