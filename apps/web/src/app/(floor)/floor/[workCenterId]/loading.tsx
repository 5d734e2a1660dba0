import { Skeleton } from "~/components/ui/skeleton";

export default function FloorWorkCenterLoading() {
  return (
    <div className="page" aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading the work center…
      </span>
      <div className="skeleton-grid">
        <Skeleton height="180px" />
        <Skeleton height="180px" />
      </div>
      <Skeleton height="56px" />
      <Skeleton height="320px" />
    </div>
  );
}
