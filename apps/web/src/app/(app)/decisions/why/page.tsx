import type { Metadata } from "next";
import Link from "next/link";
import { WhyExplainer } from "~/components/decisions/why-explainer";
import { EmptyState } from "~/components/ui/empty-state";
import { ArrowLeftIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Why did this happen?" };

type TSearch = { orderId?: string; workCenterId?: string; stopStart?: string; decisionId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Why did this happen?" for one downtime (?workCenterId=&stopStart=), order (?orderId=) or
 * decision (?decisionId=): link here from any table that lists them.
 */
export default async function WhyPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  await requireRole("MANAGER");
  const search = await searchParams;
  const subject =
    search.orderId && UUID.test(search.orderId)
      ? ({ subject: "ORDER", orderId: search.orderId } as const)
      : search.decisionId && UUID.test(search.decisionId)
        ? ({ subject: "DECISION", decisionId: search.decisionId } as const)
        : search.workCenterId &&
            UUID.test(search.workCenterId) &&
            search.stopStart &&
            !Number.isNaN(Date.parse(search.stopStart))
          ? ({
              subject: "DOWNTIME",
              workCenterId: search.workCenterId,
              stopStart: new Date(search.stopStart).toISOString(),
            } as const)
          : null;
  return (
    <div className="page">
      <PageHeader
        title="Why did this happen?"
        description="Events, state changes, reasons, decisions, constraints and tasks around it, newest first."
        actions={
          <Link href="/decisions" className="btn">
            <ArrowLeftIcon size={16} /> Decisions
          </Link>
        }
      />
      {subject ? (
        <WhyExplainer subject={subject} />
      ) : (
        <section className="card">
          <EmptyState title="Nothing to explain">
            Open this page from a downtime, an order or a decision: its link says which one to explain.
          </EmptyState>
        </section>
      )}
    </div>
  );
}
