"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeRecalculation, type TRecalculationSummary } from "~/components/reasons/recalculation";
import { SettingsToast } from "~/components/reasons/settings-toast";
import { useSettingsToast } from "~/components/reasons/use-settings-toast";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { LineApplyDialog, type TLineTarget } from "./line-apply-dialog";
import { ThresholdRow, type TWorkCenterThresholdRow } from "./threshold-row";
import { ThresholdsExplainer } from "./thresholds-explainer";
import styles from "./work-center-settings.module.css";

/** Admin → Work centers: each work center's minor-stop threshold and signal timeout, by site, area and line. */
export function ThresholdsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const list = useQuery(trpc.reasons.workCenterThresholds.queryOptions());
  const { toast, show, dismiss } = useSettingsToast();
  const [line, setLine] = useState<TLineTarget | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.reasons.workCenterThresholds.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
    ]);
  const recalculating = (recalculation: TRecalculationSummary) =>
    recalculation.workCenterCount > 0 ? describeRecalculation(recalculation, timeZone) : "Nothing changed.";

  async function rowSaved(workCenter: TWorkCenterThresholdRow, result: { recalculation: TRecalculationSummary }) {
    await refresh();
    show(`Saved the thresholds of ${workCenter.code}.`, recalculating(result.recalculation));
  }

  async function lineSaved(target: TLineTarget, result: { updated: number; recalculation: TRecalculationSummary }) {
    await refresh();
    setLine(null);
    const count = result.updated === 1 ? "1 work center" : `${result.updated} work centers`;
    show(`Applied to ${target.name}: ${count} changed.`, recalculating(result.recalculation));
  }

  const data = list.data;
  const workCenterCount =
    data?.sites.reduce(
      (sum, site) =>
        sum +
        site.areas.reduce((areaSum, area) => areaSum + area.lines.reduce((n, l) => n + l.workCenters.length, 0), 0),
      0,
    ) ?? 0;

  return (
    <>
      <section className="card" aria-labelledby="thresholds-title">
        <div className="card-header">
          <div>
            <h2 id="thresholds-title">Work center thresholds</h2>
            <p>How Gemba reads each machine&apos;s signals: when a stop is minor, and when silence means unknown.</p>
          </div>
          {data ? <span className="badge">{workCenterCount} work centers</span> : null}
        </div>
        <div className="card-body">
          <ThresholdsExplainer defaults={data?.defaults} rederiveDays={data?.rederiveDays ?? 7} />
        </div>
      </section>

      {list.isPending ? (
        <div className={styles.skeletons} aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading work centers…
          </span>
          <Skeleton height="260px" />
        </div>
      ) : list.error && !data ? (
        <div className="card card-body">
          <Alert tone="danger">
            <strong>Work centers could not be loaded.</strong> {apiErrorMessage(list.error)}
          </Alert>
          <button type="button" className={`btn ${styles.retry}`} onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      ) : !data || workCenterCount === 0 ? (
        <div className="card">
          <EmptyState title="No work centers yet">
            Work centers come from your plant structure and connectors. Once machines are set up they appear here with
            the default thresholds.
          </EmptyState>
        </div>
      ) : (
        data.sites.map((site) => (
          <section key={site.id} className={`card ${styles.site}`} aria-label={site.name}>
            <div className="card-header">
              <h2>
                {site.name} <span className={styles.siteCode}>{site.code}</span>
              </h2>
            </div>
            <div className="table-wrap">
              <table className={`table ${styles.thresholdTable}`}>
                <thead>
                  <tr>
                    <th scope="col">Work center</th>
                    <th scope="col">Minor-stop threshold</th>
                    <th scope="col">Signal timeout</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                {site.areas.flatMap((area) =>
                  area.lines
                    .filter((entry) => entry.workCenters.length > 0)
                    .map((entry) => (
                      <tbody key={entry.id} className={styles.lineGroup} data-line-code={entry.code}>
                        <tr className={styles.lineRow}>
                          <th scope="rowgroup" colSpan={3}>
                            <span className={styles.areaName}>{area.name}</span>
                            <span className={styles.separator} aria-hidden="true">
                              ›
                            </span>
                            {entry.name}
                          </th>
                          <td className={styles.actionsCell}>
                            <button
                              type="button"
                              className="btn"
                              onClick={() =>
                                setLine({
                                  id: entry.id,
                                  name: entry.name,
                                  areaName: area.name,
                                  workCenters: entry.workCenters,
                                })
                              }
                            >
                              Apply to whole line<span className="visually-hidden"> {entry.name}</span>
                            </button>
                          </td>
                        </tr>
                        {entry.workCenters.map((workCenter) => (
                          <ThresholdRow
                            // Saved values change the key: the row starts again from what is stored.
                            key={`${workCenter.id}:${workCenter.microStopThresholdSeconds}:${workCenter.unknownTimeoutSeconds}`}
                            workCenter={workCenter}
                            limits={data.limits}
                            defaults={data.defaults}
                            onSaved={rowSaved}
                          />
                        ))}
                      </tbody>
                    )),
                )}
              </table>
            </div>
          </section>
        ))
      )}

      {data ? (
        <LineApplyDialog
          line={line}
          limits={data.limits}
          rederiveDays={data.rederiveDays}
          onClose={() => setLine(null)}
          onSaved={lineSaved}
        />
      ) : null}
      <SettingsToast toast={toast} onDismiss={dismiss} />
    </>
  );
}
