"use client";

import { formatElapsed, toMachineState } from "~/components/execution/execution-format";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { formatDateTime, formatNumber, formatTime } from "~/lib/format";
import { machineStateLabels } from "~/lib/machine-state";
import type { TFloorWorkCenter } from "./floor-types";
import styles from "./work-center-status.module.css";

/** The state, huge: what the machine does, for how long, and why (or that it still needs a reason). */
export function StateBanner({ floor, now }: { floor: TFloorWorkCenter; now: number | null }) {
  const timeZone = usePlantTimeZone();
  const live = floor.live;
  const state = toMachineState(live?.state);
  return (
    <section className={styles.banner} data-state={state} aria-label="State" data-testid="state-banner">
      <div className={styles.stateRow}>
        <span className={styles.stateName}>{live ? machineStateLabels[state] : "No signal yet"}</span>
        {live && now !== null ? (
          <span className={styles.elapsed} suppressHydrationWarning>
            {formatElapsed(now - new Date(live.since).getTime())}
          </span>
        ) : null}
      </div>
      <div className={styles.stateDetail}>
        {live ? (
          <>
            <span>Since {formatTime(live.since, timeZone)}</span>
            {live.reasonLabel ? <span>{live.reasonLabel}</span> : null}
            {live.unclassified ? <span className={styles.needsReason}>Needs a reason</span> : null}
          </>
        ) : (
          <span>
            Gemba has not received anything from this machine yet. Ask your supervisor to check its connection.
          </span>
        )}
      </div>
      <div className={styles.shift}>{calendarText(floor, timeZone)}</div>
    </section>
  );
}

function calendarText(floor: TFloorWorkCenter, timeZone: string): string {
  const { shift, calendarNow } = floor;
  if (calendarNow === "PLANNED_MAINTENANCE") return "Planned maintenance now";
  if (calendarNow === "NO_SHIFT") return "No shift planned now";
  if (!shift) return "Planned around the clock (no shift calendar)";
  const span = `${shift.name} shift · ${formatTime(shift.start, timeZone)}–${formatTime(shift.end, timeZone)}`;
  return calendarNow === "BREAK" ? `${span} · break` : span;
}

/** The order on the machine and how far it is. */
export function OrderCard({ floor }: { floor: TFloorWorkCenter }) {
  const timeZone = usePlantTimeZone();
  const order = floor.currentOrder;
  if (!order) {
    return (
      <section className={styles.card} aria-labelledby="order-title">
        <h2 id="order-title" className={styles.cardTitle}>
          Current order
        </h2>
        <p className={styles.none}>No order is running here. When the next one starts it shows up by itself.</p>
      </section>
    );
  }
  const percent = Math.round(order.progress * 100);
  return (
    <section className={styles.card} aria-labelledby="order-title" data-testid="order-card">
      <h2 id="order-title" className={styles.cardTitle}>
        Order <span className="mono">{order.externalId}</span>
      </h2>
      <p className={styles.product}>
        {order.product.name} <span className="subtle mono">{order.product.sku}</span>
      </p>
      <div className={styles.figure}>
        <strong>{formatNumber(order.producedGood)}</strong>
        <span> / {formatNumber(order.quantity)} good</span>
        <span className={styles.percent}>{percent} %</span>
      </div>
      <div className={styles.bar} aria-hidden="true">
        <span style={{ width: `${Math.min(100, percent)}%` }} />
      </div>
      <p className={styles.small}>Due {formatDateTime(order.dueAt, timeZone)}</p>
    </section>
  );
}

/** This local hour so far: units made against what the ideal cycle allows in the planned time. */
export function HourCard({ floor }: { floor: TFloorWorkCenter }) {
  const timeZone = usePlantTimeZone();
  const hour = floor.thisHour;
  const target = hour.targetCount === null ? null : Math.floor(hour.targetCount);
  const behind = target !== null && target > 0 && hour.totalCount < target * 0.9;
  return (
    <section className={styles.card} aria-labelledby="hour-title" data-testid="hour-card">
      <h2 id="hour-title" className={styles.cardTitle}>
        This hour{" "}
        <span className="subtle">{`${formatTime(hour.hourStart, timeZone)}–${formatTime(hour.hourEnd, timeZone)}`}</span>
      </h2>
      {hour.plannedMinutes === 0 && hour.totalCount === 0 ? (
        <p className={styles.none}>No production planned so far this hour.</p>
      ) : (
        <>
          <div className={styles.figure} data-behind={behind}>
            <strong>{formatNumber(hour.totalCount)}</strong>
            <span> made</span>
            <span className={styles.target}>{target === null ? "no target" : `target ${formatNumber(target)}`}</span>
          </div>
          <div className={styles.bar} data-behind={behind} aria-hidden="true">
            <span
              style={{
                width: `${target ? Math.min(100, Math.round((hour.totalCount / target) * 100)) : 0}%`,
              }}
            />
          </div>
          <p className={styles.small}>
            {formatNumber(hour.goodCount)} good
            {hour.unscheduledCount > 0 ? ` · ${formatNumber(hour.unscheduledCount)} outside planned time` : ""}
            {hour.idealPerHour ? ` · ideal ${formatNumber(Math.round(hour.idealPerHour))}/h` : ""}
          </p>
          {target === null ? (
            <p className={styles.small}>No target: part of this hour ran without an order that has a cycle time.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
