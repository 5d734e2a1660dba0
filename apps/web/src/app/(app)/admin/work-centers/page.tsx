import type { Metadata } from "next";
import { ThresholdsTable } from "~/components/work-center-settings/thresholds-table";

export const metadata: Metadata = { title: "Work centers" };

export default function WorkCentersPage() {
  return <ThresholdsTable />;
}
