"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ChartStates } from "~/components/execution/chart-states";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { EmptyState } from "~/components/ui/empty-state";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { useTRPC } from "~/trpc/react";
import { PERIODS, periodSpan, type TPeriod } from "./chart-period";
import { formatFigure, type TSpcSignalOption } from "./insight-types";
import styles from "./insights.module.css";
import { RULES, SpcControlChart } from "./spc-control-chart";
import { WorkCenterPicker } from "./work-center-picker";

const measureKey = (option: TSpcSignalOption) =>
  option.measure.kind === "TELEMETRY" ? `TELEMETRY:${option.measure.tag}` : option.measure.kind;

/** Where the chart page opens: from an insight, its work center and the time it was found. */
export type TSpcChartLink = { workCenterId: string | null; until: number | null };

/** Pick a work center and one of its signals; see its control chart per product with the rule violations. */
export function SpcExplorer({ initial }: { initial: TSpcChartLink }) {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const [workCenterId, setWorkCenterId] = useState(initial.workCenterId ?? "");
  const [signalKey, setSignalKey] = useState("");
  const [period, setPeriod] = useState<TPeriod>(initial.until ? "1d" : "7d");
  // Opened from an insight: the period ends a little after it, so the chart shows what it found.
  const [now, setNow] = useState(() => initial.until ?? Date.now());
  const signals = useQuery({
    ...trpc.insights.spcSignals.queryOptions({ workCenterId }),
    enabled: workCenterId !== "",
  });
  const options = signals.data ?? [];
  const signal = options.find((option) => measureKey(option) === signalKey) ?? options[0] ?? null;
  const span = periodSpan(period, now);
  const chart = useQuery({
    ...trpc.insights.spcChart.queryOptions({
      workCenterId,
      measure: signal?.measure ?? { kind: "CYCLE_TIME" },
      from: span.from,
      to: span.to,
    }),
    enabled: workCenterId !== "" && signal !== null,
    placeholderData: keepPreviousData,
  });
  const segments = chart.data?.segments ?? [];

  return (
    <section className="card" aria-labelledby="spc-title" data-testid="spc-explorer">
      <div className="card-header">
        <div>
          <h2 id="spc-title">{chart.data ? `${chart.data.label}` : "Control chart"}</h2>
          <p>Limits are computed per product from its own baseline: a different part has a different normal.</p>
        </div>
        <div className={styles.periodTools}>
          {now !== initial.until || initial.until === null ? null : (
            <button type="button" className="btn btn-ghost" onClick={() => setNow(Date.now())}>
              Up to now
            </button>
          )}
          <SegmentedControl label="Period" options={PERIODS} value={period} onChange={setPeriod} />
        </div>
      </div>
      <div className="card-body">
        <div className={styles.pickers}>
          <WorkCenterPicker
            value={workCenterId}
            onChange={(id) => {
              setWorkCenterId(id);
              setSignalKey("");
            }}
          />
          <div className="field">
            <label className="field-label" htmlFor="spc-signal">
              Signal
            </label>
            <select
              id="spc-signal"
              className="select"
              value={signal ? measureKey(signal) : ""}
              disabled={options.length === 0}
              onChange={(event) => setSignalKey(event.target.value)}
            >
              {options.length === 0 ? <option value="">{signals.isFetching ? "Loading…" : "No signals"}</option> : null}
              {options.map((option) => (
                <option key={measureKey(option)} value={measureKey(option)}>
                  {option.label} ({option.points} points)
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      {workCenterId === "" ? (
        <EmptyState title="Pick a work center">
          Its cycle time, scrap rate and telemetry signals are listed to chart.
        </EmptyState>
      ) : signals.isSuccess && options.length === 0 ? (
        <EmptyState title="No signals recorded yet">
          This work center has no production counts or telemetry to chart. Connect its machine (Admin → Connectors), or
          pick another work center.
        </EmptyState>
      ) : (
        <ChartStates
          query={{ ...chart, isPending: chart.isPending || signals.isPending }}
          what="The control chart"
          height="300px"
          empty={
            chart.data && segments.every((segment) => segment.points.length === 0)
              ? { title: "No points in this period", text: "Pick a longer period, or another signal." }
              : null
          }
        >
          {() => (
            <div className="card-body">
              <ul className={styles.legend} aria-label="Legend">
                <li>
                  <span className={styles.swatch} style={{ background: "#17202b" }} />
                  Mean
                </li>
                <li>
                  <span className={styles.swatch} style={{ background: "#c4302b" }} />
                  UCL / LCL (±3σ)
                </li>
                <li>
                  <span className={styles.swatch} style={{ background: "#d9730d" }} />
                  ±2σ
                </li>
                <li>
                  <span className={styles.swatch} style={{ background: "#a9b2be" }} />
                  ±1σ
                </li>
                {RULES.map((rule) => (
                  <li key={rule.rule}>
                    <span className={styles.swatch} style={{ background: rule.color }} />
                    {rule.label}
                  </li>
                ))}
              </ul>
              {segments
                .filter((segment) => segment.points.length > 0)
                .map((segment) => (
                  <div key={segment.productId ?? "all"}>
                    <h3 className={styles.segmentTitle}>
                      {segment.productName ?? "All production"}
                      {segment.limits ? (
                        <span className="muted">
                          {" "}
                          · mean {formatFigure(segment.limits.mean, chart.data?.unit)}, σ{" "}
                          {formatFigure(segment.limits.sigma, chart.data?.unit)}, {segment.points.length} points
                        </span>
                      ) : null}
                    </h3>
                    {segment.refusal ? (
                      <p className="muted" title={segment.refusal}>
                        No control limits for this product yet: too little of its history comes before the period.
                        Points are shown without limits; a later period will have them.
                      </p>
                    ) : null}
                    <SpcControlChart segment={segment} unit={chart.data?.unit ?? null} timeZone={timeZone} />
                    {segment.violations.length ? (
                      <ul className={styles.moves}>
                        {segment.violations.slice(0, 8).map((violation) => (
                          <li key={`${violation.rule}-${violation.times[0]}`}>{violation.explanation}</li>
                        ))}
                        {segment.violations.length > 8 ? (
                          <li className="muted">…and {segment.violations.length - 8} more.</li>
                        ) : null}
                      </ul>
                    ) : segment.limits ? (
                      <p className="muted">No rule violations: the process looks in statistical control.</p>
                    ) : null}
                  </div>
                ))}
            </div>
          )}
        </ChartStates>
      )}
    </section>
  );
}
