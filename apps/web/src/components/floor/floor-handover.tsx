"use client";

import { useQuery } from "@tanstack/react-query";
import { AcknowledgeHandoverButton } from "~/components/handover/handover-actions";
import { HandoverView } from "~/components/handover/handover-view";
import { EmptyState } from "~/components/ui/empty-state";
import { useTRPC } from "~/trpc/react";

/**
 * The latest shift handover of this work center's site, as the incoming shift reads it at the
 * machine, with "Acknowledge" when it is signed and waits for them. Reading it needs the connection.
 */
export function FloorHandover({ siteId }: { siteId: string }) {
  const trpc = useTRPC();
  const current = useQuery(trpc.handover.current.queryOptions({ siteId }));
  if (current.isPending) return <p className="muted">Loading the handover…</p>;
  if (current.isError) {
    return (
      <p className="muted">The handover cannot be loaded right now. It appears again when the connection is back.</p>
    );
  }
  const handover = current.data.handover;
  if (!handover) {
    return (
      <div className="card">
        <EmptyState title="No shift handover yet">
          The handover is drafted from the data when a shift ends. The outgoing lead signs it, and you acknowledge it
          here.
        </EmptyState>
      </div>
    );
  }
  return <HandoverView handover={handover} actions={<AcknowledgeHandoverButton handover={handover} explainDraft />} />;
}
