import { Skeleton } from "~/components/ui/skeleton";

export default function ConnectorsLoading() {
  return (
    <div aria-busy="true">
      <span className="visually-hidden" role="status">
        Loading connectors…
      </span>
      <Skeleton height="320px" />
    </div>
  );
}
