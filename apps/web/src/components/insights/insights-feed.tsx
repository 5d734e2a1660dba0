"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { InsightCard } from "./insight-card";
import { filterToInput, InsightFilters, NO_FILTER, type TInsightFilter } from "./insight-filters";
import { insightKindLabels } from "./insight-types";
import styles from "./insights.module.css";

/** The feed of findings, newest first, with filters and "load more". */
export function InsightsFeed() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const [filter, setFilter] = useState<TInsightFilter>(NO_FILTER);
  const list = useInfiniteQuery(
    trpc.insights.list.infiniteQueryOptions(filterToInput(filter), { getNextPageParam: (page) => page.nextCursor }),
  );
  const insights = list.data?.pages.flatMap((page) => page.insights) ?? [];
  const hiddenKinds = list.data?.pages[0]?.hiddenKinds ?? [];
  const filtered = filter.kind !== "" || filter.lineId !== "" || filter.status !== "";

  return (
    <section className="card" aria-labelledby="insight-feed-title" data-testid="insight-feed">
      <div className="card-header">
        <div>
          <h2 id="insight-feed-title">Findings</h2>
          <p>What the detectors found in the plant's history. Open one for its evidence and what to do.</p>
        </div>
        {list.isFetching && !list.isPending ? <span className="subtle">Updating…</span> : null}
      </div>
      <InsightFilters value={filter} onChange={setFilter} />
      {hiddenKinds.length && !filter.includeSuppressed ? (
        <div className="card-body">
          <Alert tone="info">
            Hidden because they are switched off or were voted not useful:{" "}
            {hiddenKinds.map((kind) => insightKindLabels[kind]).join(", ")}. Tick "Show hidden detectors" to see them.
          </Alert>
        </div>
      ) : null}
      {list.isPending ? (
        <div className="card-body" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading insights…
          </span>
          <Skeleton height="240px" />
        </div>
      ) : list.error && !list.data ? (
        <div className="card-body">
          <Alert tone="danger">
            The insights could not be loaded. {apiErrorMessage(list.error)}{" "}
            <button type="button" className="btn btn-ghost" onClick={() => void list.refetch()}>
              Try again
            </button>
          </Alert>
        </div>
      ) : insights.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No insights match these filters"
            action={
              <button type="button" className="btn" onClick={() => setFilter(NO_FILTER)}>
                Clear the filters
              </button>
            }
          >
            Try another kind, line or status.
          </EmptyState>
        ) : (
          <EmptyState title="No insights yet">
            Insights appear here as the worker analyses the plant's history: control-chart signals, anomalies,
            bottlenecks, recurring stops, late orders and breakdown risk. They need a few days of machine events;
            meanwhile, the <Link href="/insights/spc">SPC charts</Link> and{" "}
            <Link href="/insights/bottlenecks">bottlenecks</Link> already show what there is.
          </EmptyState>
        )
      ) : (
        <>
          <ul className={styles.list}>
            {insights.map((insight) => (
              <li key={insight.id}>
                <InsightCard insight={insight} timeZone={timeZone} />
              </li>
            ))}
          </ul>
          {list.hasNextPage ? (
            <div className={styles.more}>
              <button
                type="button"
                className="btn"
                disabled={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {list.isFetchingNextPage ? "Loading…" : "Show older insights"}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
