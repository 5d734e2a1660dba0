import { Skeleton } from "~/components/ui/skeleton";

export default function ReasonsLoading() {
  return (
    <div aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading reason codes…
      </span>
      <Skeleton height="320px" />
    </div>
  );
}
