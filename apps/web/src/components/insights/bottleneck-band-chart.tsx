"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDateTime } from "~/lib/format";
import { timeTick } from "./chart-axes";
import type { TBottleneckChart } from "./insight-types";
import styles from "./insights.module.css";

export const WORK_CENTER_COLORS = [
  "#1f63d6",
  "#d9730d",
  "#1d8048",
  "#7b4fc9",
  "#c4302b",
  "#0f8b8d",
  "#8a6d3b",
  "#5a6676",
];
const NONE_COLOR = "#e6e9ee";

/** Which work center was the bottleneck per bucket (a colored band), and how active it and the runner-up were. */
export function BottleneckBandChart({ chart, timeZone }: { chart: TBottleneckChart; timeZone: string }) {
  const colorOf = new Map(
    chart.workCenters.map((wc, index) => [wc.id, WORK_CENTER_COLORS[index % WORK_CENTER_COLORS.length]]),
  );
  const codeOf = new Map(chart.workCenters.map((wc) => [wc.id, wc.code]));
  const rows = chart.buckets.map((bucket) => ({
    t: bucket.start,
    band: 1,
    bottleneck: bucket.bottleneckId ? (codeOf.get(bucket.bottleneckId) ?? "?") : "None",
    color: bucket.bottleneckId ? (colorOf.get(bucket.bottleneckId) ?? NONE_COLOR) : NONE_COLOR,
    share: bucket.activeShare === null ? null : bucket.activeShare * 100,
    runnerUp: bucket.runnerUpShare === null ? null : bucket.runnerUpShare * 100,
    runnerUpCode: bucket.runnerUpId ? (codeOf.get(bucket.runnerUpId) ?? "?") : null,
  }));
  // Buckets shorter than a day over several days: the hour tells neighbouring ticks apart.
  const tick =
    chart.stepMs < 86_400_000 && chart.to - chart.from > 2 * 86_400_000
      ? dayHourTick(timeZone)
      : timeTick(chart.to - chart.from, timeZone);
  const label = (value: unknown) => formatDateTime(new Date(Number(value)), timeZone);
  return (
    <div className={styles.chart} data-testid="bottleneck-chart">
      <div role="img" aria-label={`Bottleneck per bucket over ${rows.length} buckets. ${chart.explanation}`}>
        <ResponsiveContainer width="100%" height={70}>
          <BarChart data={rows} margin={{ top: 4, right: 24, bottom: 0, left: 56 }} barCategoryGap={0}>
            <XAxis dataKey="t" hide />
            <YAxis hide domain={[0, 1]} />
            <Tooltip
              labelFormatter={label}
              formatter={(_value, _name, item) => [item.payload.bottleneck, "Bottleneck"]}
              contentStyle={{ borderRadius: 8, borderColor: "#dde2e9", fontSize: 13 }}
            />
            <Bar dataKey="band" isAnimationActive={false}>
              {rows.map((row) => (
                <Cell key={row.t} fill={row.color} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className={styles.legend} aria-label="Work centers">
        {chart.workCenters.map((wc) => (
          <li key={wc.id}>
            <span className={styles.swatch} style={{ background: colorOf.get(wc.id) }} />
            {wc.code} · {wc.name}
          </li>
        ))}
        <li>
          <span className={styles.swatch} style={{ background: NONE_COLOR }} />
          No comparable time (no shift, no data)
        </li>
      </ul>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={rows} margin={{ top: 16, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e6e9ee" vertical={false} />
          <XAxis dataKey="t" tickFormatter={tick} tick={{ fontSize: 12, fill: "#5a6676" }} minTickGap={24} />
          <YAxis
            domain={[0, 100]}
            tickFormatter={(value: number) => `${value} %`}
            tick={{ fontSize: 12, fill: "#5a6676" }}
            width={56}
          />
          <Tooltip
            labelFormatter={label}
            formatter={(value, name, item) => [
              typeof value === "number"
                ? `${value.toFixed(0)} % (${name === "Bottleneck active" ? item.payload.bottleneck : (item.payload.runnerUpCode ?? "—")})`
                : "—",
              String(name),
            ]}
            contentStyle={{ borderRadius: 8, borderColor: "#dde2e9", fontSize: 13 }}
          />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Line
            dataKey="share"
            name="Bottleneck active"
            stroke="#17202b"
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="runnerUp"
            name="Runner-up active"
            stroke="#808b9a"
            strokeDasharray="5 4"
            strokeWidth={1.5}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function dayHourTick(timeZone: string) {
  const format = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "numeric", timeZone });
  return (value: number) => format.format(new Date(value));
}
