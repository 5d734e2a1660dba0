import { PageSkeleton } from "~/components/ui/skeleton";

export default function AdminLoading() {
  return <PageSkeleton label="Loading administration…" blocks={2} />;
}
