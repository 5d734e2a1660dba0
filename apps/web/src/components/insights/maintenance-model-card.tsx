"use client";

import { useQuery } from "@tanstack/react-query";
import { ChartStates } from "~/components/execution/chart-states";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./insights.module.css";

const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(0)} %`);

/** How well the maintenance-risk model did on later, held-out days: what an admin needs to trust its alarms. */
export function MaintenanceModelCard() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const model = useQuery(trpc.insights.maintenanceModel.queryOptions());
  const run = model.data?.latest;
  return (
    <section className="card" aria-labelledby="maintenance-model-title" data-testid="maintenance-model">
      <div className="card-header">
        <div>
          <h2 id="maintenance-model-title">Maintenance-risk model</h2>
          <p>
            Trained on the earlier 70 % of the history, tested on the later 30 % it has not seen: precision is how many
            of its alarms were followed by a breakdown, recall how many breakdowns it warned of.
          </p>
        </div>
      </div>
      <ChartStates
        query={model}
        what="The maintenance model"
        height="120px"
        empty={
          model.data && run === null
            ? {
                title: "Not trained yet",
                text: `${model.data?.missingBecause ?? "The worker trains it at its next pass."} It retries daily.`,
              }
            : null
        }
      >
        {() =>
          run ? (
            <div className="card-body">
              <dl className={styles.metrics}>
                <Metric label="Precision" value={percent(run.precision)} />
                <Metric label="Recall" value={percent(run.recall)} />
                <Metric label="F1" value={run.f1 === null ? "—" : run.f1.toFixed(2)} />
                <Metric label="Base rate" value={percent(run.baseRate)} />
                <Metric label="Samples (work-center days)" value={run.samples.toLocaleString("en")} />
                <Metric label="Followed by a breakdown" value={run.positives.toLocaleString("en")} />
              </dl>
              <p className={styles.chartNote}>
                Trained {formatDateTime(run.trainedAt, timeZone)}; predicts a breakdown within {run.horizonDays} days;
                alarm threshold {percent(run.threshold)}
                {run.heldOutRows === null ? "" : `; measured on ${run.heldOutRows.toLocaleString("en")} held-out days`}.
                {run.featureNames.length ? ` Looks at: ${run.featureNames.join(", ")}.` : ""} A precision well above the
                base rate means its alarms are worth a look.
                {run.precision === null ? " The held-out days had no alarm to measure precision on." : ""}
              </p>
              <p className={styles.chartNote} data-testid="maintenance-warnings">
                {run.warnings.ok
                  ? "Its warnings appear in the insights feed as maintenance risk."
                  : `Warnings are off: ${run.warnings.reason} It is retrained daily as history grows.`}
              </p>
            </div>
          ) : null
        }
      </ChartStates>
    </section>
  );
}

function Metric({ label, value }: { label: string; value: string }) {
  return (
    <div className={styles.figure}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
