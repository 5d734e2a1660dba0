"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ChartStates } from "~/components/execution/chart-states";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { EmptyState } from "~/components/ui/empty-state";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { BottleneckBandChart } from "./bottleneck-band-chart";
import { PERIODS, periodSpan, type TPeriod } from "./chart-period";
import styles from "./insights.module.css";
import { LinePicker } from "./work-center-picker";

/** Pick a line and a period: the bottleneck per bucket, where it moved, and which held the line back overall. */
export function BottleneckExplorer() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const [lineId, setLineId] = useState("");
  const [period, setPeriod] = useState<TPeriod>("7d");
  const [now] = useState(() => Date.now());
  const span = periodSpan(period, now);
  const chart = useQuery({
    ...trpc.insights.bottleneckChart.queryOptions({ lineId, ...span }),
    enabled: lineId !== "",
    placeholderData: keepPreviousData,
  });
  const data = chart.data;
  const codeOf = new Map((data?.workCenters ?? []).map((wc) => [wc.id, wc.code]));
  const nothing = data ? data.buckets.every((bucket) => bucket.bottleneckId === null) : false;

  return (
    <section className="card" aria-labelledby="bottleneck-title" data-testid="bottleneck-explorer">
      <div className="card-header">
        <div>
          <h2 id="bottleneck-title">Bottleneck over time</h2>
          <p>Running and down count as active, idle (starved or blocked) does not.</p>
        </div>
        <SegmentedControl label="Period" options={PERIODS} value={period} onChange={setPeriod} />
      </div>
      <div className="card-body">
        <div className={styles.pickers}>
          <LinePicker value={lineId} onChange={setLineId} />
        </div>
      </div>
      {lineId === "" ? (
        <EmptyState title="Pick a line">Its work centers are compared bucket by bucket over the period.</EmptyState>
      ) : (
        <ChartStates
          query={chart}
          what="The bottleneck chart"
          height="320px"
          empty={
            nothing
              ? {
                  title: "No comparable running time in this period",
                  text: "The line's work centers had no shifts or no machine states here. Pick a longer period, or check the shift calendar.",
                }
              : null
          }
        >
          {() =>
            data ? (
              <>
                <div className={`card-body ${styles.stack}`}>
                  <p className={styles.prose} data-testid="bottleneck-explanation">
                    <strong>{data.explanation}</strong>
                  </p>
                  <dl className={styles.metrics}>
                    {data.average.shares.map((share) => (
                      <div key={share.workCenterId} className={styles.figure}>
                        <dt>{codeOf.get(share.workCenterId) ?? "?"} active</dt>
                        <dd>{share.activeShare === null ? "—" : `${Math.round(share.activeShare * 100)} %`}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
                <BottleneckBandChart chart={data} timeZone={timeZone} />
                <div className="card-body">
                  <h3 className={styles.segmentTitle}>Where the bottleneck moved</h3>
                  {data.moves.length ? (
                    <ul className={styles.moves}>
                      {data.moves.slice(-20).map((move) => (
                        <li key={`${move.at}-${move.toId}`}>
                          {formatDateTime(new Date(move.at), timeZone)}: {codeOf.get(move.fromId) ?? "?"} →{" "}
                          <strong>{codeOf.get(move.toId) ?? "?"}</strong>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">It did not move in this period.</p>
                  )}
                </div>
              </>
            ) : null
          }
        </ChartStates>
      )}
    </section>
  );
}
