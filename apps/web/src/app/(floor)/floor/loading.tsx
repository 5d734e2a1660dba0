import { Skeleton } from "~/components/ui/skeleton";

export default function FloorLoading() {
  return (
    <div className="page" aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading the floor…
      </span>
      <Skeleton width="360px" height="40px" />
      <div className="skeleton-grid">
        <Skeleton height="132px" />
        <Skeleton height="132px" />
        <Skeleton height="132px" />
      </div>
    </div>
  );
}
