import type { Metadata } from "next";
import { FloorScreen } from "~/components/floor/floor-screen";
import { serverApi } from "~/trpc/server";
import { loadFloorWorkCenter } from "./load-floor-work-center";

type TFloorWorkCenterPageProps = { params: Promise<{ workCenterId: string }> };

export async function generateMetadata({ params }: TFloorWorkCenterPageProps): Promise<Metadata> {
  const floor = await loadFloorWorkCenter((await params).workCenterId);
  return { title: `${floor.workCenter.code} · Floor` };
}

/** The tablet at one work center: state, order, this hour, stops to classify, andon, tasks. */
export default async function FloorWorkCenterPage({ params }: TFloorWorkCenterPageProps) {
  const { workCenterId } = await params;
  const api = await serverApi();
  const [floor, reasons, me] = await Promise.all([
    loadFloorWorkCenter(workCenterId),
    api.floor.stopReasons(),
    api.me.get(),
  ]);
  return <FloorScreen initial={floor} reasons={reasons} signerName={me.user.name} />;
}
