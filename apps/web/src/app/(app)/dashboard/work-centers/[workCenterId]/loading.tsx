import { PageSkeleton } from "~/components/ui/skeleton";

export default function WorkCenterTimelineLoading() {
  return <PageSkeleton label="Loading the work center…" />;
}
