import { PageSkeleton } from "~/components/ui/skeleton";

export default function FloorLoading() {
  return <PageSkeleton label="Loading work centers…" blocks={2} />;
}
