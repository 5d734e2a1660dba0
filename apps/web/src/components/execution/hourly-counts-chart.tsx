"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatTime } from "~/lib/format";
import styles from "./analysis.module.css";
import { ChartStates } from "./chart-states";
import type { TWorkCenterTimeline } from "./execution-types";

type TTimelineQuery = {
  isPending: boolean;
  error: unknown;
  data?: TWorkCenterTimeline;
  refetch: () => unknown;
};

/** Good and rejected units per hour against what the planned time allowed at the ideal cycle. */
export function HourlyCountsChart({ query, timeZone }: { query: TTimelineQuery; timeZone: string }) {
  const rows = (query.data?.hours ?? []).map((hour) => ({
    label: formatTime(hour.hourStart, timeZone),
    good: hour.goodCount,
    rejected: Math.max(0, hour.totalCount - hour.goodCount),
    // No planned time, no target: a zero line there would read as "nothing was expected" of a closed hour.
    target: hour.targetCount === null || hour.plannedMinutes === 0 ? null : Math.round(hour.targetCount),
    unscheduled: hour.unscheduledCount,
    plannedMinutes: hour.plannedMinutes,
  }));
  const nothing = rows.every((row) => row.good + row.rejected + row.unscheduled === 0 && row.plannedMinutes === 0);
  return (
    <section className="card" aria-labelledby="hourly-title" data-testid="hourly-counts">
      <div className="card-header">
        <div>
          <h2 id="hourly-title">Output per hour vs target</h2>
          <p>Units counted in planned time; the target is the ideal cycle of the order running then.</p>
        </div>
      </div>
      <ChartStates
        query={query}
        what="The hourly counts"
        height="260px"
        empty={
          nothing ? { title: "No planned time or output in this window", text: "Pick another day or shift." } : null
        }
      >
        {() => (
          <div className={styles.chart}>
            <ResponsiveContainer width="100%" height={300}>
              <ComposedChart data={rows} margin={{ top: 12, right: 12, bottom: 4, left: 0 }}>
                <CartesianGrid stroke="#e6e9ee" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#5a6676" }} minTickGap={8} />
                <YAxis tick={{ fontSize: 12, fill: "#5a6676" }} width={48} allowDecimals={false} />
                <Tooltip
                  formatter={(value, name) => [typeof value === "number" ? formatNumber(value) : "—", String(name)]}
                  contentStyle={{ borderRadius: 8, borderColor: "#dde2e9", fontSize: 13 }}
                />
                <Legend wrapperStyle={{ fontSize: 13 }} />
                <Bar dataKey="good" name="Good" stackId="count" fill="#1f9254" isAnimationActive={false} />
                <Bar dataKey="rejected" name="Rejected" stackId="count" fill="#cf3a34" isAnimationActive={false} />
                <Line
                  type="stepAfter"
                  dataKey="target"
                  name="Target"
                  stroke="#17202b"
                  strokeDasharray="6 4"
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
            <p className={styles.chartNote}>
              No target line outside planned time, nor where part of the hour&apos;s planned time had no order with a
              known ideal cycle.
            </p>
          </div>
        )}
      </ChartStates>
    </section>
  );
}
