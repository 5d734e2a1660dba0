"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { useTRPC } from "~/trpc/react";
import styles from "./analysis.module.css";
import { AnalysisFilters } from "./analysis-filters";
import { rangeProblemOf } from "./analysis-range";
import { DowntimePareto } from "./downtime-pareto";
import { localDateOf, shiftLocalDate } from "./execution-format";
import type { TAnalysisFilter } from "./execution-types";
import { LossesWaterfall } from "./losses-waterfall";
import { OeeTrendChart } from "./oee-trend-chart";
import { OrderOeeTable } from "./order-oee-table";
import { UnclassifiedStops } from "./unclassified-stops";

const DEFAULT_DAYS = 7;

/**
 * Where the time went over a range of the site's days: trend, losses, reasons, OEE per order and
 * product, stops to classify.
 */
export function DashboardAnalysis() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const [today] = useState(() => localDateOf(Date.now(), timeZone));
  const [range, setRange] = useState({ from: shiftLocalDate(today, 1 - DEFAULT_DAYS), to: today, lineId: "" });
  // Same query as the tiles above: the line list comes from the cache.
  const overview = useQuery(trpc.execution.overview.queryOptions());
  const lines = (overview.data?.lines ?? []).map((line) => ({ lineId: line.lineId, name: line.name }));

  const problem = rangeProblemOf(range.from, range.to);
  const filter: TAnalysisFilter | null = problem
    ? null
    : { from: range.from, to: range.to, ...(range.lineId ? { lineId: range.lineId } : {}) };

  return (
    <div className={styles.analysis}>
      <div className="section-title">
        <h2>Performance over time</h2>
      </div>
      <AnalysisFilters
        from={range.from}
        to={range.to}
        today={today}
        lineId={range.lineId}
        lines={lines}
        problem={problem}
        onChange={(change) => setRange((previous) => ({ ...previous, ...change }))}
        onPreset={(days) => setRange((previous) => ({ ...previous, from: shiftLocalDate(today, 1 - days), to: today }))}
      />
      <OeeTrendChart filter={filter} />
      <div className={styles.twoColumns}>
        <LossesWaterfall filter={filter} />
        <DowntimePareto filter={filter} />
      </div>
      <OrderOeeTable filter={filter} />
      <UnclassifiedStops filter={filter} />
    </div>
  );
}
