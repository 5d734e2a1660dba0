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
import { formatFigure, type TSpcChart } from "./insight-types";
import styles from "./insights.module.css";

type TSegment = TSpcChart["segments"][number];

/** The four Western Electric rules, each drawn in its own color and shape so a reader can tell them apart. */
export const RULES = [
  { rule: 1, label: "Rule 1: a point beyond 3σ", color: "#c4302b", shape: "circle" },
  { rule: 2, label: "Rule 2: 2 of 3 beyond 2σ", color: "#d9730d", shape: "diamond" },
  { rule: 3, label: "Rule 3: 4 of 5 beyond 1σ", color: "#7b4fc9", shape: "triangle" },
  { rule: 4, label: "Rule 4: 8 in a row on one side", color: "#0f8b8d", shape: "square" },
] as const;

/** One product's individuals chart: the points, mean, control limits, ±1σ/±2σ zones and the violations. */
export function SpcControlChart({
  segment,
  unit,
  timeZone,
}: {
  segment: TSegment;
  unit: string | null;
  timeZone: string;
}) {
  const limits = segment.limits;
  const rows = segment.points.map((point) => ({ t: point.t, value: point.value }));
  const valueAt = new Map(rows.map((row) => [row.t, row.value]));
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const unitText = unit ? ` ${unit}` : "";
  const zone = (sigmas: number) => (limits ? limits.mean + sigmas * limits.sigma : 0);
  const violationCount = segment.violations.reduce((sum, violation) => sum + violation.times.length, 0);
  return (
    <div
      className={styles.chart}
      role="img"
      aria-label={`${segment.productName ?? "All"}: ${rows.length} points${limits ? `, mean ${formatFigure(limits.mean, unit)}, limits ${formatFigure(limits.lower, unit)} to ${formatFigure(limits.upper, unit)}` : ""}, ${violationCount} points flagged.`}
      data-testid="spc-chart"
    >
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={rows} margin={{ top: 12, right: 72, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e6e9ee" vertical={false} />
          <XAxis {...timeAxisProps(first, last, timeZone)} />
          <YAxis {...valueAxisProps} />
          {limits ? (
            <>
              <ReferenceLine y={limits.upper} stroke="#c4302b" ifOverflow="extendDomain" label={limitLabel("UCL")} />
              <ReferenceLine y={limits.lower} stroke="#c4302b" ifOverflow="extendDomain" label={limitLabel("LCL")} />
              <ReferenceLine y={limits.mean} stroke="#17202b" ifOverflow="extendDomain" label={limitLabel("Mean")} />
              {[2, 1, -1, -2].map((sigmas) => (
                <ReferenceLine
                  key={sigmas}
                  y={zone(sigmas)}
                  stroke={Math.abs(sigmas) === 2 ? "#d9730d" : "#a9b2be"}
                  strokeDasharray="4 4"
                  ifOverflow="extendDomain"
                  label={limitLabel(`${sigmas > 0 ? "+" : "−"}${Math.abs(sigmas)}σ`)}
                />
              ))}
            </>
          ) : null}
          <Tooltip
            labelFormatter={(value) => formatDateTime(new Date(Number(value)), timeZone)}
            formatter={(value, name) => [
              typeof value === "number" ? `${formatFigure(value)}${unitText}` : "—",
              String(name),
            ]}
            contentStyle={{ borderRadius: 8, borderColor: "#dde2e9", fontSize: 13 }}
          />
          <Line
            dataKey="value"
            name="Value"
            type="linear"
            stroke="#1f63d6"
            strokeWidth={1.5}
            dot={rows.length > 120 ? false : { r: 2 }}
            isAnimationActive={false}
          />
          {/* Drawn weakest first, so a point beyond 3σ shows rule 1's mark even when it is part of a run too. */}
          {[...RULES].reverse().map((rule) => {
            const times = segment.violations
              .filter((violation) => violation.rule === rule.rule)
              .flatMap((violation) => violation.times);
            if (times.length === 0) return null;
            return (
              <Scatter
                key={rule.rule}
                name={`Rule ${rule.rule}`}
                data={times.map((t) => ({ t, value: valueAt.get(t) ?? null }))}
                dataKey="value"
                fill={rule.color}
                shape={rule.shape}
                isAnimationActive={false}
              />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function limitLabel(value: string) {
  return { value, position: "right" as const, fontSize: 11, fill: "#5a6676" };
}
