import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InsightDetailView } from "~/components/insights/insight-detail";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Insight" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One insight with its evidence, status, feedback, decisions and why-timeline. */
export default async function InsightPage({ params }: { params: Promise<{ insightId: string }> }) {
  await requireRole("MANAGER");
  const { insightId } = await params;
  if (!UUID.test(insightId)) notFound();
  return (
    <div className="page">
      <InsightDetailView insightId={insightId} />
    </div>
  );
}
