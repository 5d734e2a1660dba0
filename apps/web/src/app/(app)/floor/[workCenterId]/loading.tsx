import { Skeleton } from "~/components/ui/skeleton";

export default function WorkCenterLoading() {
  return (
    <div className="page" aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading the work center…
      </span>
      <Skeleton width="160px" height="20px" />
      <Skeleton width="320px" height="40px" />
      <div className="skeleton-grid">
        <Skeleton height="200px" />
        <Skeleton height="200px" />
      </div>
    </div>
  );
}
