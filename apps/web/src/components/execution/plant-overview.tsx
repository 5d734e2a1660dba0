"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatTime } from "~/lib/format";
import { parseMachineState } from "~/lib/machine-state";
import { useTRPC } from "~/trpc/react";
import { LiveIndicator } from "./live-indicator";
import styles from "./overview.module.css";
import { type TLiveExecution, useLiveUpdates } from "./use-live-updates";
import { useNow } from "./use-now";
import { type TOverviewLine, type TOverviewTile, WorkCenterTile } from "./work-center-tile";

/** A safety net behind the live stream: shift OEE and order progress move even when no state changes. */
const REFRESH_MS = 60_000;
const SKELETON_KEYS = ["a", "b", "c", "d", "e", "f", "g", "h"];

/**
 * The floor right now: a tile per work center, grouped by line. A live message changes its tile at
 * once; the overview is then refetched, and the message keeps winning until the stored timeline
 * has caught up with it (the worker publishes after it writes, so that is moments later).
 */
export function PlantOverview() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const now = useNow(1000);
  const overview = useQuery(trpc.execution.overview.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const [pushed, setPushed] = useState<ReadonlyMap<string, TLiveExecution>>(new Map());
  const status = useLiveUpdates({
    onExecution: (execution) => {
      setPushed((previous) => new Map(previous).set(execution.workCenterId, execution));
      void queryClient.invalidateQueries({ queryKey: trpc.execution.overview.queryKey() });
    },
    onCatchUp: () => void queryClient.invalidateQueries({ queryKey: trpc.execution.pathKey() }),
  });

  const lines = overview.data?.lines.map((line) => ({
    ...line,
    workCenters: line.workCenters.map((tile) => withPushedState(tile, pushed.get(tile.workCenterId))),
  }));

  return (
    <section className="card" aria-labelledby="floor-title">
      <div className="card-header">
        <div>
          <h2 id="floor-title">Work centers now</h2>
          <p>
            Live state, time in state, the running order and OEE of the current shift. Open a tile for its timeline.
          </p>
        </div>
        <LiveIndicator status={status} />
      </div>
      {overview.isPending ? (
        <div className={styles.skeletonTiles} aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading the work centers…
          </span>
          {SKELETON_KEYS.map((key) => (
            <Skeleton key={key} height="208px" />
          ))}
        </div>
      ) : overview.error && !overview.data ? (
        <div className="card-body">
          <Alert tone="danger">
            The work centers could not be loaded. {apiErrorMessage(overview.error)}{" "}
            <button type="button" className="btn btn-ghost" onClick={() => void overview.refetch()}>
              Try again
            </button>
          </Alert>
        </div>
      ) : !lines || lines.every((line) => line.workCenters.length === 0) ? (
        <EmptyState title="No work centers yet">
          Work centers come from your MES or ERP connector, or an admin can import the plant model. Once machines
          report, their live state shows here.
        </EmptyState>
      ) : (
        <>
          {overview.error ? (
            <p className={styles.staleNote} role="status">
              Could not refresh ({apiErrorMessage(overview.error)}). Figures may be out of date; retrying.
            </p>
          ) : null}
          <div className={styles.lines}>
            {lines.map((line) => (
              <LineGroup key={line.lineId} line={line} now={now} timeZone={timeZone} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function LineGroup({ line, now, timeZone }: { line: TOverviewLine; now: number | null; timeZone: string }) {
  const shift = line.currentShift;
  return (
    <div className={styles.line}>
      <div className={styles.lineHeader}>
        <h3>{line.name}</h3>
        <span className="subtle">
          {line.siteName}
          {shift
            ? ` · ${shift.name} shift ${formatTime(shift.start, timeZone)}–${formatTime(shift.end, timeZone)}`
            : " · no shift running"}
        </span>
      </div>
      {line.workCenters.length === 0 ? (
        <p className="subtle">No work centers on this line yet.</p>
      ) : (
        <ol className={styles.tiles}>
          {line.workCenters.map((tile) => (
            <li key={tile.workCenterId}>
              <WorkCenterTile tile={tile} now={now} timeZone={timeZone} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The pushed state while it is newer than what the overview read; the stored timeline once it has caught up. */
function withPushedState(tile: TOverviewTile, pushed: TLiveExecution | undefined): TOverviewTile {
  if (!pushed) return tile;
  const since = new Date(pushed.since);
  if (Number.isNaN(since.getTime())) return tile;
  if (tile.live && new Date(tile.live.since).getTime() >= since.getTime()) return tile;
  const sameReason = tile.live?.reasonCode === pushed.reasonCode;
  return {
    ...tile,
    live: {
      state: pushed.state,
      since,
      asOf: new Date(pushed.changedTo),
      reasonCode: pushed.reasonCode,
      reasonLabel: sameReason
        ? (tile.live?.reasonLabel ?? null)
        : pushed.reasonCode
          ? parseMachineState({ state: "DOWN", reasonCode: pushed.reasonCode }).reason
          : null,
      unclassified: pushed.unclassified,
      scheduled: tile.live?.scheduled ?? true,
    },
  };
}
