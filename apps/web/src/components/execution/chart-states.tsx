import type { ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";

type TQueryLike = { isPending: boolean; error: unknown; data?: unknown; refetch: () => unknown };

type TChartStatesProps = {
  query: TQueryLike;
  /** What failed, for the message ("The OEE trend"). */
  what: string;
  height: string;
  empty: { title: string; text: string } | null;
  children: () => ReactNode;
};

/** Loading, error (with what to do) and empty states shared by every chart and list of the dashboard. */
export function ChartStates({ query, what, height, empty, children }: TChartStatesProps) {
  if (query.isPending) {
    return (
      <div className="card-body" aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading…
        </span>
        <Skeleton height={height} />
      </div>
    );
  }
  if (query.error && query.data === undefined) {
    return (
      <div className="card-body">
        <Alert tone="danger">
          {what} could not be loaded. {apiErrorMessage(query.error)}{" "}
          <button type="button" className="btn btn-ghost" onClick={() => void query.refetch()}>
            Try again
          </button>
        </Alert>
      </div>
    );
  }
  if (empty) return <EmptyState title={empty.title}>{empty.text}</EmptyState>;
  return <>{children()}</>;
}
