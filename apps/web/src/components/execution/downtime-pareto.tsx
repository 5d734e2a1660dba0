"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { formatNumber } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./analysis.module.css";
import { ChartStates } from "./chart-states";
import { CsvDownloadButton } from "./csv-download-button";
import { formatMinutes } from "./execution-format";
import type { TAnalysisFilter, TParetoBar } from "./execution-types";

type TMeasure = "minutes" | "occurrences";

const MEASURES = [
  { value: "minutes", label: "Minutes" },
  { value: "occurrences", label: "Stops" },
] as const;

/** Bars sorted by the chosen measure, with the running share of it (the Pareto line). */
function toParetoRows(bars: readonly TParetoBar[], measure: TMeasure) {
  const sorted = [...bars].sort((a, b) => b[measure] - a[measure] || a.label.localeCompare(b.label));
  const total = sorted.reduce((sum, bar) => sum + bar[measure], 0);
  let running = 0;
  return sorted.map((bar) => {
    running += bar[measure];
    return {
      key: bar.key,
      label: bar.label,
      category: bar.category,
      unclassified: bar.unclassified,
      minutes: bar.minutes,
      occurrences: bar.occurrences,
      value: bar[measure],
      cumulative: total > 0 ? (running / total) * 100 : 0,
    };
  });
}

/** Downtime by reason, biggest first: the few reasons worth attacking. */
export function DowntimePareto({ filter }: { filter: TAnalysisFilter | null }) {
  const trpc = useTRPC();
  const [measure, setMeasure] = useState<TMeasure>("minutes");
  const losses = useQuery({
    ...trpc.execution.losses.queryOptions(filter ?? {}),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
  const rows = losses.data ? toParetoRows(losses.data.pareto, measure) : [];
  return (
    <section className="card" aria-labelledby="pareto-title" data-testid="downtime-pareto">
      <div className="card-header">
        <div>
          <h2 id="pareto-title">Downtime by reason</h2>
          <p>Stops in planned time (minor stops left out), biggest first; the line is the cumulative share.</p>
        </div>
        <div className={styles.headerActions}>
          <SegmentedControl label="Measure" options={MEASURES} value={measure} onChange={setMeasure} />
          {filter ? <CsvDownloadButton input={{ table: "pareto", ...filter }} label="Downtime by reason" /> : null}
        </div>
      </div>
      <ChartStates
        query={losses}
        what="Downtime by reason"
        height="300px"
        empty={
          rows.length === 0
            ? { title: "No downtime in this range", text: "No stops were recorded in planned time. Pick other dates." }
            : null
        }
      >
        {() => (
          <div className={styles.chart}>
            <ResponsiveContainer width="100%" height={340}>
              <ComposedChart data={rows} margin={{ top: 12, right: 8, bottom: 4, left: 0 }}>
                <CartesianGrid stroke="#e6e9ee" vertical={false} />
                <XAxis
                  dataKey="label"
                  interval={0}
                  tick={{ fontSize: 11.5, fill: "#5a6676" }}
                  tickFormatter={(value: string) => (value.length > 22 ? `${value.slice(0, 21)}…` : value)}
                  angle={-30}
                  textAnchor="end"
                  height={72}
                />
                <YAxis
                  yAxisId="value"
                  tickFormatter={(value: number) => (measure === "minutes" ? `${formatNumber(value)}` : `${value}`)}
                  tick={{ fontSize: 12, fill: "#5a6676" }}
                  width={56}
                  label={{
                    value: measure === "minutes" ? "minutes" : "stops",
                    angle: -90,
                    position: "insideLeft",
                    style: { fontSize: 12, fill: "#808b9a" },
                  }}
                />
                <YAxis
                  yAxisId="share"
                  orientation="right"
                  domain={[0, 100]}
                  ticks={[0, 25, 50, 80, 100]}
                  tickFormatter={(value: number) => `${value} %`}
                  tick={{ fontSize: 12, fill: "#5a6676" }}
                  width={48}
                />
                <Tooltip
                  cursor={{ fill: "rgb(16 24 40 / 4%)" }}
                  content={({ active, payload }) => {
                    const row = active ? payload?.[0]?.payload : null;
                    if (!row) return null;
                    return (
                      <div className={styles.tooltip}>
                        <strong>{row.label}</strong>
                        {row.category ? <span className="subtle">{row.category}</span> : null}
                        <span>
                          {formatMinutes(row.minutes)} in {formatNumber(row.occurrences)} stop
                          {row.occurrences === 1 ? "" : "s"}
                        </span>
                        <span>Cumulative {row.cumulative.toFixed(0)} %</span>
                      </div>
                    );
                  }}
                />
                <Bar
                  yAxisId="value"
                  dataKey="value"
                  name={measure === "minutes" ? "Minutes" : "Stops"}
                  isAnimationActive={false}
                >
                  {rows.map((row) => (
                    <Cell key={row.key} fill={row.unclassified ? "#c27c00" : "#cf3a34"} />
                  ))}
                </Bar>
                <Line
                  yAxisId="share"
                  type="monotone"
                  dataKey="cumulative"
                  name="Cumulative share"
                  stroke="#17202b"
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
            <p className={styles.legend}>
              <span className={styles.swatch} style={{ background: "#cf3a34" }} /> Stops with a reason
              <span className={styles.swatch} style={{ background: "#c27c00" }} /> Unclassified (waiting for a reason)
              <span className={styles.lineSwatch} /> Cumulative share
            </p>
          </div>
        )}
      </ChartStates>
    </section>
  );
}
