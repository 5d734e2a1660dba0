"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "~/trpc/react";
import styles from "./analysis.module.css";
import { ChartStates } from "./chart-states";
import { CsvDownloadButton } from "./csv-download-button";
import { formatMinutes, formatPercent } from "./execution-format";
import type { TAnalysisFilter, TWaterfallStep } from "./execution-types";

const FACTOR_COLORS = {
  availability: "#cf3a34",
  performance: "#c27c00",
  quality: "#8a5cc2",
} as const;
const TOTAL_COLOR = "#1f63d6";

export const FACTOR_LABELS = {
  availability: "Availability loss",
  performance: "Performance loss",
  quality: "Quality loss",
};

/** Bar labels: "231 h" for big levels, "9 h 11 min" or "17 min" for the losses a manager acts on. */
function formatCompactMinutes(minutes: number): string {
  return minutes >= 600 ? `${Math.round(minutes / 60)} h` : formatMinutes(minutes);
}

/** Each loss floats at the level it takes time from: an invisible base bar, then the loss on top. */
function toWaterfallRows(steps: readonly TWaterfallStep[]) {
  return steps.map((step) => ({
    id: step.id,
    label: step.label,
    kind: step.kind,
    factor: step.factor,
    base: step.kind === "TOTAL" ? 0 : Math.max(0, step.remainingMinutes),
    value: Math.max(0, step.minutes),
    minutes: step.minutes,
    color: step.factor ? FACTOR_COLORS[step.factor] : TOTAL_COLOR,
  }));
}

/** Planned production time down to fully productive time: where the six big losses took it. */
export function LossesWaterfall({ filter }: { filter: TAnalysisFilter | null }) {
  const trpc = useTRPC();
  const losses = useQuery({
    ...trpc.execution.losses.queryOptions(filter ?? {}),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
  const rows = losses.data ? toWaterfallRows(losses.data.waterfall) : [];
  const planned = rows[0]?.minutes ?? 0;
  return (
    <section className="card" aria-labelledby="waterfall-title" data-testid="losses-waterfall">
      <div className="card-header">
        <div>
          <h2 id="waterfall-title">Six big losses</h2>
          <p>
            From planned production time to fully productive time
            {losses.data ? ` · OEE ${formatPercent(losses.data.summary.oee)}` : ""}.
          </p>
        </div>
        {filter ? <CsvDownloadButton input={{ table: "losses", ...filter }} label="Six big losses" /> : null}
      </div>
      <ChartStates
        query={losses}
        what="The losses"
        height="340px"
        empty={
          planned <= 0
            ? { title: "No planned production time in this range", text: "Pick other dates or another line." }
            : null
        }
      >
        {() => (
          <div className={styles.chart}>
            <ResponsiveContainer width="100%" height={380}>
              <BarChart
                data={rows}
                layout="vertical"
                margin={{ top: 4, right: 88, bottom: 4, left: 8 }}
                barCategoryGap={6}
              >
                <CartesianGrid stroke="#e6e9ee" horizontal={false} />
                <XAxis
                  type="number"
                  domain={[0, "dataMax"]}
                  tickFormatter={(value: number) => `${Math.round(value / 60)} h`}
                  tick={{ fontSize: 12, fill: "#5a6676" }}
                />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={184}
                  tick={({ x, y, payload }) => <StepTick x={x} y={y} label={String(payload.value)} rows={rows} />}
                />
                <Tooltip
                  cursor={{ fill: "rgb(16 24 40 / 4%)" }}
                  content={({ active, payload }) => {
                    const row = active ? payload?.[0]?.payload : null;
                    if (!row) return null;
                    const share = planned > 0 ? row.minutes / planned : 0;
                    return (
                      <div className={styles.tooltip}>
                        <strong>{row.label}</strong>
                        <span>
                          {formatMinutes(row.minutes)} · {formatPercent(share)} of planned time
                        </span>
                        {row.factor ? (
                          <span className="subtle">{FACTOR_LABELS[row.factor as keyof typeof FACTOR_LABELS]}</span>
                        ) : null}
                      </div>
                    );
                  }}
                />
                <Bar dataKey="base" stackId="waterfall" fill="transparent" isAnimationActive={false} />
                <Bar dataKey="value" stackId="waterfall" isAnimationActive={false} radius={[0, 3, 3, 0]}>
                  {rows.map((row) => (
                    <Cell key={row.id} fill={row.color} fillOpacity={row.kind === "TOTAL" ? 1 : 0.85} />
                  ))}
                  <LabelList
                    dataKey="minutes"
                    position="right"
                    formatter={(value) => (typeof value === "number" ? formatCompactMinutes(value) : "")}
                    style={{ fontSize: 12, fill: "#17202b" }}
                  />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
            <p className={styles.legend}>
              <span className={styles.swatch} style={{ background: TOTAL_COLOR }} /> Time left
              <span className={styles.swatch} style={{ background: FACTOR_COLORS.availability }} /> Availability loss
              <span className={styles.swatch} style={{ background: FACTOR_COLORS.performance }} /> Performance loss
              <span className={styles.swatch} style={{ background: FACTOR_COLORS.quality }} /> Quality loss
            </p>
          </div>
        )}
      </ChartStates>
    </section>
  );
}

type TStepTickProps = {
  x: number | string;
  y: number | string;
  label: string;
  rows: ReturnType<typeof toWaterfallRows>;
};

/** Totals in bold, losses indented under them: the waterfall reads like a statement. */
function StepTick({ x, y, label, rows }: TStepTickProps) {
  const row = rows.find((candidate) => candidate.label === label);
  const total = row?.kind === "TOTAL";
  return (
    <text
      x={Number(x) - 6}
      y={Number(y)}
      dy={4}
      textAnchor="end"
      fontSize={12.5}
      fontWeight={total ? 700 : 400}
      fill={total ? "#17202b" : "#5a6676"}
    >
      {label}
    </text>
  );
}
