import type { Metadata } from "next";
import { WorkCenterPicker } from "~/components/floor/work-center-picker";
import { serverApi } from "~/trpc/server";

export const metadata: Metadata = { title: "Floor" };

/** The operator's home on a shop-floor tablet: pick a work center by tile or by its code. */
export default async function FloorPage() {
  const workCenters = await (await serverApi()).floor.workCenters();
  return <WorkCenterPicker initial={workCenters} />;
}
