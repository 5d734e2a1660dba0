import Link from "next/link";
import type { TRouterOutputs } from "~/lib/api-types";
import { formatDateTime, formatNumber } from "~/lib/format";
import { formatElapsed, formatPercent, oeeBandLabels, oeeBandOf, stateLabel, toMachineState } from "./execution-format";
import styles from "./overview.module.css";

export type TOverviewLine = TRouterOutputs["execution"]["overview"]["lines"][number];
export type TOverviewTile = TOverviewLine["workCenters"][number];

const STALE_AFTER_MS = 15 * 60_000;

type TWorkCenterTileProps = { tile: TOverviewTile; now: number | null; timeZone: string };

/** One work center at a glance: state in color and words, time in it, order progress, OEE this shift. */
export function WorkCenterTile({ tile, now, timeZone }: TWorkCenterTileProps) {
  const live = tile.live;
  const state = toMachineState(live?.state);
  const since = live ? new Date(live.since) : null;
  const order = tile.currentOrder;
  const oee = tile.shiftOee;
  const band = oeeBandOf(oee?.oee ?? null);
  // The timeline ends where the worker last refreshed it: say so when that is long ago.
  const silentMs = live && now !== null ? now - new Date(live.asOf).getTime() : 0;
  return (
    <Link
      href={`/dashboard/work-centers/${tile.workCenterId}`}
      className={styles.tile}
      data-state={state}
      data-testid="work-center-tile"
      data-work-center-id={tile.workCenterId}
      aria-label={`${tile.code} ${tile.name}: ${stateLabel(state)}${live?.unclassified ? ", unclassified stop" : ""}`}
    >
      <div className={styles.tileHead}>
        <div className={styles.tileName}>
          <span className={styles.code}>{tile.code}</span>
          <span className={styles.name} title={tile.name}>
            {tile.name}
          </span>
        </div>
        <span className={styles.stateLabel} data-testid="tile-state">
          <span className={styles.stateDot} aria-hidden="true" />
          {stateLabel(state)}
        </span>
      </div>

      <div className={styles.stateLine}>
        {since ? (
          <span className={styles.elapsed} title={`Since ${formatDateTime(since, timeZone)}`}>
            for{" "}
            <time dateTime={since.toISOString()} suppressHydrationWarning>
              {now === null ? "…" : formatElapsed(now - since.getTime())}
            </time>
          </span>
        ) : (
          <span className="subtle">No timeline yet</span>
        )}
        {live?.unclassified ? (
          <span className="badge badge-warning" title="This stop has no reason yet: an operator should classify it.">
            ! Unclassified stop
          </span>
        ) : live?.reasonLabel && state !== "RUNNING" ? (
          <span className={styles.reason} title={live.reasonLabel}>
            {live.reasonLabel}
          </span>
        ) : null}
      </div>

      {silentMs > STALE_AFTER_MS ? (
        <span
          className={styles.stale}
          title="The state is the last one derived; the machine or the worker may be offline."
        >
          No update for {formatElapsed(silentMs)}
        </span>
      ) : null}

      <div className={styles.orderBlock}>
        {order ? (
          <>
            <div className={styles.orderLine}>
              <span className="mono">{order.externalId}</span>
              <span className={styles.product} title={order.product.name}>
                {order.product.name}
              </span>
            </div>
            <ProgressBar value={order.progress} />
            <span className={styles.small}>
              {formatNumber(order.producedGood)} / {formatNumber(order.quantity)} good ·{" "}
              {formatPercent(order.progress, 0)}
            </span>
          </>
        ) : (
          <span className={styles.small}>No order running</span>
        )}
      </div>

      <div className={styles.oee} data-band={band ?? "none"}>
        <span className={styles.oeeLabel}>OEE this shift</span>
        {oee ? (
          <>
            <span className={styles.oeeValue} title={band ? `OEE ${oeeBandLabels[band]}` : "No planned time yet"}>
              {formatPercent(oee.oee)}
            </span>
            <span className={styles.apq}>
              A {formatPercent(oee.availability, 0)} · P {formatPercent(oee.performance, 0)} · Q{" "}
              {formatPercent(oee.quality, 0)}
            </span>
          </>
        ) : (
          <span className={styles.small}>No shift now</span>
        )}
      </div>
    </Link>
  );
}

/** Progress of good units against the order quantity; over 100 % shows full (raw value in words). */
export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const shown = Math.max(0, Math.min(1, value));
  return (
    <span
      className={styles.progress}
      role="progressbar"
      aria-label={label ?? "Order progress"}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(shown * 100)}
    >
      <span className={styles.progressFill} style={{ width: `${shown * 100}%` }} />
    </span>
  );
}
