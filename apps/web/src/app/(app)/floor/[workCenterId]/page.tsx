import type { Metadata } from "next";
import { LineNeighbours } from "~/components/floor/line-neighbours";
import styles from "~/components/floor/work-center.module.css";
import { WorkCenterHeader } from "~/components/floor/work-center-header";
import { CurrentOrderCard, LastStateCard } from "~/components/floor/work-center-status";
import { loadPlantTree } from "../../plant-data";
import { loadWorkCenter } from "./load-work-center";

type TWorkCenterPageProps = { params: Promise<{ workCenterId: string }> };

export async function generateMetadata({ params }: TWorkCenterPageProps): Promise<Metadata> {
  const workCenter = await loadWorkCenter((await params).workCenterId);
  return { title: `${workCenter.code} · ${workCenter.name}` };
}

export default async function WorkCenterPage({ params }: TWorkCenterPageProps) {
  const { workCenterId } = await params;
  const [workCenter, tree] = await Promise.all([loadWorkCenter(workCenterId), loadPlantTree()]);
  const timeZone = workCenter.line.area.site.timeZone;
  const now = new Date();
  return (
    <div className="page">
      <WorkCenterHeader workCenter={workCenter} />
      <div className={styles.panels}>
        <LastStateCard workCenter={workCenter} timeZone={timeZone} now={now} />
        <CurrentOrderCard workCenter={workCenter} timeZone={timeZone} now={now} />
      </div>
      <LineNeighbours tree={tree} lineId={workCenter.line.id} currentId={workCenter.id} />
    </div>
  );
}
