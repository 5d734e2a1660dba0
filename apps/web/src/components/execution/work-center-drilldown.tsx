"use client";

import { startOfLocalDay } from "@gemba/domain/calendar/zoned-time";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./analysis.module.css";
import { ChartStates } from "./chart-states";
import { CsvDownloadButton } from "./csv-download-button";
import { localDateOf, shiftLocalDate } from "./execution-format";
import { HourlyCountsChart } from "./hourly-counts-chart";
import { LiveIndicator } from "./live-indicator";
import { StateGantt } from "./state-gantt";
import { useLiveUpdates } from "./use-live-updates";
import { WorkCenterOrders } from "./work-center-orders";

const WHOLE_DAY = "";

function dayWindow(date: string, timeZone: string) {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const from = startOfLocalDay({ year, month, day }, timeZone);
  const next = shiftLocalDate(date, 1).split("-").map(Number);
  const to = startOfLocalDay({ year: next[0] ?? 0, month: next[1] ?? 1, day: next[2] ?? 1 }, timeZone);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** One work center over a site day or one of its shifts; follows the live stream for this machine. */
export function WorkCenterDrilldown({ workCenterId, timeZone }: { workCenterId: string; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [today] = useState(() => localDateOf(Date.now(), timeZone));
  const [date, setDate] = useState(today);
  const [shiftKey, setShiftKey] = useState(WHOLE_DAY);

  // The day's shifts (and their OEE) from the calendar: the shift picker's options.
  const shifts = useQuery(
    trpc.execution.oeeTrend.queryOptions({ from: date, to: date, granularity: "shift", workCenterId }),
  );
  const shift = shifts.data?.points.find((point) => point.key === shiftKey);
  const range = shift
    ? { from: new Date(shift.start).toISOString(), to: new Date(shift.end).toISOString() }
    : dayWindow(date, timeZone);
  const input = { workCenterId, ...range };
  const timeline = useQuery({
    ...trpc.execution.workCenterTimeline.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const status = useLiveUpdates({
    onExecution: (execution) => {
      if (execution.workCenterId !== workCenterId) return;
      void queryClient.invalidateQueries({ queryKey: trpc.execution.workCenterTimeline.queryKey() });
    },
    onCatchUp: () => void queryClient.invalidateQueries({ queryKey: trpc.execution.pathKey() }),
  });

  return (
    <>
      <section className="card" aria-labelledby="timeline-title" data-testid="work-center-timeline">
        <div className="card-header">
          <div>
            <h2 id="timeline-title">State timeline</h2>
            <p>Every state of the machine; hover or focus a segment for its reason and times.</p>
          </div>
          <div className={styles.headerActions}>
            <LiveIndicator status={status} />
            <CsvDownloadButton input={{ table: "timeline", ...input }} label="State timeline" />
          </div>
        </div>
        <div className={`${styles.filterFields} ${styles.timelineFilters}`}>
          <label className="field">
            <span className="field-label">Day</span>
            <input
              type="date"
              className="input"
              value={date}
              max={today}
              onChange={(event) => {
                if (!event.target.value) return;
                setDate(event.target.value);
                setShiftKey(WHOLE_DAY);
              }}
            />
          </label>
          <label className="field">
            <span className="field-label">Shift</span>
            <select className="select" value={shiftKey} onChange={(event) => setShiftKey(event.target.value)}>
              <option value={WHOLE_DAY}>Whole day</option>
              {(shifts.data?.points ?? []).map((point) => (
                <option key={point.key} value={point.key}>
                  {point.shiftName} ({formatTime(point.start, timeZone)}–{formatTime(point.end, timeZone)})
                </option>
              ))}
            </select>
          </label>
          <div className={styles.presets}>
            <button type="button" className="btn btn-ghost" onClick={() => setDate(shiftLocalDate(date, -1))}>
              ← Previous day
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              disabled={date >= today}
              onClick={() => setDate(shiftLocalDate(date, 1))}
            >
              Next day →
            </button>
          </div>
        </div>
        <ChartStates query={timeline} what="The timeline" height="96px" empty={null}>
          {() =>
            timeline.data ? (
              <StateGantt
                intervals={timeline.data.intervals}
                from={new Date(timeline.data.from).getTime()}
                to={new Date(timeline.data.to).getTime()}
                timeZone={timeZone}
              />
            ) : null
          }
        </ChartStates>
      </section>
      <div className={styles.twoColumns}>
        <HourlyCountsChart query={timeline} timeZone={timeZone} />
        <WorkCenterOrders query={timeline} timeZone={timeZone} />
      </div>
    </>
  );
}
