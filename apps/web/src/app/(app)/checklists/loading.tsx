import { PageSkeleton } from "~/components/ui/skeleton";

export default function ChecklistsLoading() {
  return <PageSkeleton label="Loading checklists…" blocks={2} />;
}
