import type { Metadata } from "next";
import { DecisionsWorkspace } from "~/components/decisions/decisions-workspace";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Decisions" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The decision log: search it, open one, record what came of it, and see why things happened. */
export default async function DecisionsPage({ searchParams }: { searchParams: Promise<{ decision?: string }> }) {
  const me = await requireRole("MANAGER");
  const { decision } = await searchParams;
  return (
    <div className="page">
      <DecisionsWorkspace
        plantName={me.active?.name}
        initialDecisionId={decision && UUID.test(decision) ? decision : null}
      />
    </div>
  );
}
