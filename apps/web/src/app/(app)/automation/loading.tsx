import { PageSkeleton } from "~/components/ui/skeleton";

export default function AutomationLoading() {
  return <PageSkeleton label="Loading automation…" blocks={2} />;
}
