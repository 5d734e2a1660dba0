"use client";

import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDateTime } from "~/lib/format";
import { timeAxisProps, valueAxisProps } from "./chart-axes";
import { formatFigure, type TInsightEvidenceChart } from "./insight-types";
import styles from "./insights.module.css";

const LINE_COLORS = ["#c4302b", "#1d8048", "#1f63d6", "#a86400", "#7b4fc9", "#0f8b8d", "#5a6676", "#17202b"];

/**
 * The insight's own small chart: its series, the reference lines it quotes (limits, baseline, due
 * date) and the points it is about, marked in red.
 */
export function EvidenceChart({ chart, timeZone }: { chart: TInsightEvidenceChart; timeZone: string }) {
  const marked = new Set(chart.marked);
  const rows = chart.points.map((point) => ({ t: point.t, value: point.value }));
  const markedRows = rows.filter((row) => marked.has(row.t));
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const unit = chart.unit ? ` ${chart.unit}` : "";
  return (
    <div
      className={styles.chart}
      role="img"
      aria-label={`Chart of ${rows.length} points, ${markedRows.length} marked; reference lines: ${chart.lines
        .map((line) => `${line.label} ${formatFigure(line.value, chart.unit)}`)
        .join(", ")}.`}
      data-testid="evidence-chart"
    >
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={rows} margin={{ top: 12, right: 124, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e6e9ee" vertical={false} />
          <XAxis {...timeAxisProps(first, last, timeZone)} />
          <YAxis {...valueAxisProps} />
          {chart.lines.map((line, index) => (
            <ReferenceLine
              key={`${line.label}-${line.value}`}
              y={line.value}
              stroke={LINE_COLORS[index % LINE_COLORS.length]}
              strokeDasharray="5 4"
              ifOverflow="extendDomain"
              label={{ value: line.label, position: "right", fontSize: 11, fill: "#5a6676" }}
            />
          ))}
          <Tooltip
            labelFormatter={(value) => formatDateTime(new Date(Number(value)), timeZone)}
            formatter={(value) => [typeof value === "number" ? `${formatFigure(value)}${unit}` : "—", "Value"]}
            contentStyle={{ borderRadius: 8, borderColor: "#dde2e9", fontSize: 13 }}
          />
          <Line
            dataKey="value"
            type="linear"
            stroke="#1f63d6"
            strokeWidth={1.75}
            dot={rows.length > 80 ? false : { r: 2.5 }}
            isAnimationActive={false}
          />
          <Scatter data={markedRows} dataKey="value" fill="#c4302b" shape={MarkedDot} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <p className={styles.chartNote}>
        Dashed lines are the reference values the explanation quotes; red dots are the points it is about.
        {chart.unit ? ` Values in ${chart.unit}.` : ""}
      </p>
    </div>
  );
}

/** A marked point: larger than the series' dots and ringed in white so it reads on top of the line. */
function MarkedDot(props: { cx?: number; cy?: number }) {
  if (props.cx === undefined || props.cy === undefined) return <g />;
  return <circle cx={props.cx} cy={props.cy} r={5} fill="#c4302b" stroke="#ffffff" strokeWidth={1.5} />;
}
