import { PageSkeleton } from "~/components/ui/skeleton";

export default function TasksLoading() {
  return <PageSkeleton label="Loading your tasks…" blocks={2} />;
}
