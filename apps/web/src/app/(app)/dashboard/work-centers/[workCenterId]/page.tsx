import type { Metadata } from "next";
import Link from "next/link";
import overviewStyles from "~/components/execution/overview.module.css";
import { WorkCenterDrilldown } from "~/components/execution/work-center-drilldown";
import { ArrowLeftIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { TimeZoneNote } from "~/components/ui/time-zone-note";
import { requireRole } from "~/server/auth-guards";
import { loadWorkCenter } from "./load-work-center";

type TPageProps = { params: Promise<{ workCenterId: string }> };

export async function generateMetadata({ params }: TPageProps): Promise<Metadata> {
  const workCenter = await loadWorkCenter((await params).workCenterId);
  return { title: `${workCenter.code} · ${workCenter.name}` };
}

/** Site → line → work center: one machine's day or shift, state by state, hour by hour, order by order. */
export default async function WorkCenterTimelinePage({ params }: TPageProps) {
  await requireRole("MANAGER");
  const workCenter = await loadWorkCenter((await params).workCenterId);
  const { line } = workCenter;
  return (
    <div className={`page ${overviewStyles.dashboard}`}>
      <Link href="/dashboard" className="btn btn-ghost" style={{ width: "fit-content" }}>
        <ArrowLeftIcon /> Plant overview
      </Link>
      <PageHeader
        eyebrow={`${line.area.site.name} › ${line.area.name} › ${line.name}`}
        title={`${workCenter.code} · ${workCenter.name}`}
        description={<TimeZoneNote timeZone={line.area.site.timeZone} />}
        actions={
          <Link href={`/floor/${workCenter.id}`} className="btn">
            Floor view
          </Link>
        }
      />
      <WorkCenterDrilldown workCenterId={workCenter.id} timeZone={line.area.site.timeZone} />
    </div>
  );
}
