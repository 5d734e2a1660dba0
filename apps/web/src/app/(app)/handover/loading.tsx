import { PageSkeleton } from "~/components/ui/skeleton";

export default function HandoverLoading() {
  return <PageSkeleton label="Loading the shift handover…" />;
}
