import { PageSkeleton } from "~/components/ui/skeleton";

export default function DecisionsLoading() {
  return <PageSkeleton label="Loading decisions…" blocks={2} />;
}
