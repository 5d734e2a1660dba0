import { Skeleton } from "~/components/ui/skeleton";

export default function WorkCentersLoading() {
  return (
    <div aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading work centers…
      </span>
      <Skeleton height="320px" />
    </div>
  );
}
