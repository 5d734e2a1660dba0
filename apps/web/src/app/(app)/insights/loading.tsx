import { PageSkeleton } from "~/components/ui/skeleton";

export default function InsightsLoading() {
  return <PageSkeleton label="Loading the insights…" />;
}
