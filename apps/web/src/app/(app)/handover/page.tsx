import { roleAtLeast } from "@gemba/domain/roles";
import type { Metadata } from "next";
import { HandoverWorkspace } from "~/components/handover/handover-workspace";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Shift handover" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shift handover that replaces the shift notebook; any member may be the lead who signs it. */
export default async function HandoverPage({ searchParams }: { searchParams: Promise<{ handover?: string }> }) {
  const me = await requireRole("OPERATOR");
  const { handover } = await searchParams;
  return (
    <div className="page">
      <HandoverWorkspace
        plantName={me.active?.name}
        canOpenDashboard={roleAtLeast(me.active?.role ?? "OPERATOR", "MANAGER")}
        initialHandoverId={handover && UUID.test(handover) ? handover : null}
      />
    </div>
  );
}
