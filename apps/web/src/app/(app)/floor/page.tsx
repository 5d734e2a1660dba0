import type { Metadata } from "next";
import { FloorLines } from "~/components/floor/floor-lines";
import { WorkCenterCodeJump } from "~/components/floor/work-center-code-jump";
import { PageHeader } from "~/components/ui/page-header";
import { loadPlantTree } from "../plant-data";

export const metadata: Metadata = { title: "Floor" };

/** The operator's home on a shop-floor tablet: pick a work center by tile or by its code. */
export default async function FloorPage() {
  const tree = await loadPlantTree();
  const workCenters = tree.flatMap((site) =>
    site.areas.flatMap((area) => area.lines.flatMap((line) => line.workCenters.map(({ id, code }) => ({ id, code })))),
  );
  return (
    <div className="page">
      <PageHeader title="Floor" description="Choose your work center to see its current order and state." />
      {workCenters.length > 0 ? <WorkCenterCodeJump workCenters={workCenters} /> : null}
      <FloorLines tree={tree} />
    </div>
  );
}
