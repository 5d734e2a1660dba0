"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { useTRPC } from "~/trpc/react";
import styles from "./analysis.module.css";
import type { TGranularity } from "./analysis-filters";
import { ChartStates } from "./chart-states";
import { CsvDownloadButton } from "./csv-download-button";
import { formatPercent, OEE_GOOD, OEE_LOW } from "./execution-format";
import type { TAnalysisFilter, TOeeTrend } from "./execution-types";
import { trendPointLabel, trendPointTick } from "./trend-labels";

export const SERIES = [
  { key: "oee", label: "OEE", color: "#17202b", width: 3 },
  { key: "availability", label: "Availability", color: "#1f63d6", width: 1.75 },
  { key: "performance", label: "Performance", color: "#0f8b8d", width: 1.75 },
  { key: "quality", label: "Quality", color: "#8a5cc2", width: 1.75 },
] as const;

const GRANULARITIES = [
  { value: "day", label: "By day" },
  { value: "week", label: "By week" },
  { value: "shift", label: "By shift" },
] as const;

/** A ratio as a chart value: percent, capped at 100 (raw performance can exceed 1), gaps where nothing was planned. */
const asPercent = (ratio: number | null) => (ratio === null ? null : Math.min(1, ratio) * 100);

function toChartRows(trend: TOeeTrend) {
  return trend.points.map((point) => ({
    key: point.key,
    label: trendPointLabel(point),
    tick: trendPointTick(point),
    oee: asPercent(point.oee),
    availability: asPercent(point.availability),
    performance: asPercent(point.performance),
    quality: asPercent(point.quality),
    plannedMinutes: point.plannedMinutes,
  }));
}

/** OEE and its three factors per day, ISO week or shift, against the 65 % and 85 % bands. */
export function OeeTrendChart({ filter }: { filter: TAnalysisFilter | null }) {
  const trpc = useTRPC();
  const [granularity, setGranularity] = useState<TGranularity>("day");
  const input = filter ? { ...filter, granularity } : null;
  const trend = useQuery({
    ...trpc.execution.oeeTrend.queryOptions(input ?? { granularity }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  const rows = trend.data ? toChartRows(trend.data) : [];
  const nothingPlanned = rows.every((row) => row.plannedMinutes === 0);
  return (
    <section className="card" aria-labelledby="trend-title" data-testid="oee-trend">
      <div className="card-header">
        <div>
          <h2 id="trend-title">OEE trend</h2>
          <p>Availability × performance × quality, summed over the work centers, then divided.</p>
        </div>
        <div className={styles.headerActions}>
          <SegmentedControl label="Group by" options={GRANULARITIES} value={granularity} onChange={setGranularity} />
          {input ? <CsvDownloadButton input={{ table: "oeeTrend", ...input }} label="OEE trend" /> : null}
        </div>
      </div>
      <ChartStates
        query={trend}
        what="The OEE trend"
        height="300px"
        empty={
          nothingPlanned
            ? {
                title: "No planned production time in this range",
                text: "OEE needs shifts with planned time. Pick other dates, or check the shift calendar of the site.",
              }
            : null
        }
      >
        {() => (
          <div className={styles.chart} role="img" aria-label={describeTrend(rows)}>
            <ResponsiveContainer width="100%" height={320}>
              <LineChart data={rows} margin={{ top: 12, right: 24, bottom: 4, left: 0 }}>
                <CartesianGrid stroke="#e6e9ee" vertical={false} />
                <XAxis dataKey="tick" tick={{ fontSize: 12, fill: "#5a6676" }} tickMargin={8} minTickGap={12} />
                <YAxis
                  domain={[0, 100]}
                  ticks={[0, 25, 50, 65, 85, 100]}
                  tickFormatter={(value: number) => `${value} %`}
                  tick={{ fontSize: 12, fill: "#5a6676" }}
                  width={52}
                />
                <ReferenceLine y={OEE_GOOD * 100} stroke="#1d8048" strokeDasharray="5 4" ifOverflow="extendDomain" />
                <ReferenceLine y={OEE_LOW * 100} stroke="#c4302b" strokeDasharray="5 4" ifOverflow="extendDomain" />
                <Tooltip
                  labelFormatter={(tick, payload) => payload[0]?.payload?.label ?? tick}
                  formatter={(value, name) => [typeof value === "number" ? `${value.toFixed(1)} %` : "—", String(name)]}
                  contentStyle={{ borderRadius: 8, borderColor: "#dde2e9", fontSize: 13 }}
                />
                <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
                {SERIES.map((series) => (
                  <Line
                    key={series.key}
                    type="monotone"
                    dataKey={series.key}
                    name={series.label}
                    stroke={series.color}
                    strokeWidth={series.width}
                    dot={{ r: series.key === "oee" ? 3 : 2 }}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
            <p className={styles.chartNote}>
              Dashed lines: <span className={styles.bandLow}>65 %</span> (below is poor) and{" "}
              <span className={styles.bandGood}>85 %</span> (world class). Values over 100 % are shown as 100 %.
              {granularity === "week"
                ? " Weeks run Monday to Sunday; a week the dates cut counts only its days inside them (partial)."
                : null}
            </p>
          </div>
        )}
      </ChartStates>
    </section>
  );
}

function describeTrend(rows: ReturnType<typeof toChartRows>): string {
  const withOee = rows.filter((row) => row.oee !== null);
  const last = withOee[withOee.length - 1];
  if (!last) return "OEE trend: no values in this range.";
  return `OEE trend over ${rows.length} points; latest ${last.label}: ${formatPercent((last.oee ?? 0) / 100)}.`;
}
