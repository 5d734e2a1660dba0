"use client";

import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { StateBadge } from "~/components/ui/state-badge";
import { formatDateTime, formatNumber, formatTime } from "~/lib/format";
import { MACHINE_STATES, type TMachineState } from "~/lib/machine-state";
import type { TContextSnapshot } from "./decision-types";
import styles from "./decisions.module.css";

/** Orders listed before "Show all": a plant-wide snapshot can hold many. */
const ORDERS_SHOWN = 5;

function asState(state: string | null): TMachineState {
  return (MACHINE_STATES as readonly string[]).includes(state ?? "") ? (state as TMachineState) : "UNKNOWN";
}

type TContextSnapshotViewProps = { snapshot: TContextSnapshot; focusWorkCenterId: string | null };

/** What the decider saw: frozen when the decision was logged, never updated. */
export function ContextSnapshotView({ snapshot, focusWorkCenterId }: TContextSnapshotViewProps) {
  const timeZone = usePlantTimeZone();
  const [showAllOrders, setShowAllOrders] = useState(false);
  const recent = snapshot.recent;
  return (
    <div className={styles.snapshotBox} data-testid="context-snapshot">
      <div className="subtle">
        {snapshot.scope.label} as it was at {formatDateTime(snapshot.takenAt, timeZone)}. Frozen with the decision.
      </div>
      {snapshot.workCenters.length > 0 ? (
        <div className="section">
          <span className={styles.sectionLabel}>Work centers</span>
          <div className={styles.snapshotGrid}>
            {snapshot.workCenters.map((workCenter) => (
              <div key={workCenter.id} className={styles.snapshotTile} data-focus={workCenter.id === focusWorkCenterId}>
                <div className={styles.snapshotCode}>
                  <span title={workCenter.name}>{workCenter.code}</span>
                  <StateBadge state={asState(workCenter.state)} />
                </div>
                <span className={styles.snapshotSub}>
                  {workCenter.since ? `since ${formatTime(workCenter.since, timeZone)}` : "no timeline yet"}
                  {workCenter.reasonLabel
                    ? ` · ${workCenter.reasonLabel}`
                    : workCenter.unclassified
                      ? " · no reason yet"
                      : ""}
                </span>
              </div>
            ))}
          </div>
          {snapshot.workCentersOmitted > 0 ? (
            <span className="subtle">and {snapshot.workCentersOmitted} more work centers.</span>
          ) : null}
        </div>
      ) : null}
      <div className="section">
        <span className={styles.sectionLabel}>Orders in progress</span>
        {snapshot.orders.length === 0 ? (
          <span className="subtle">No order was running here.</span>
        ) : (
          <div className={styles.orderRows}>
            {(showAllOrders ? snapshot.orders : snapshot.orders.slice(0, ORDERS_SHOWN)).map((order) => (
              <div key={order.id} className={styles.orderRow}>
                <span>
                  <strong>{order.externalId}</strong> {order.product}
                </span>
                <span>
                  {order.late ? (
                    <span className="badge badge-danger">Late</span>
                  ) : order.atRisk ? (
                    <span className="badge badge-warning">At risk</span>
                  ) : null}
                </span>
                <span className={styles.orderMeta}>
                  <span>{order.workCenterCode ?? "No work center"}</span>
                  <span className="nowrap">
                    <span className={styles.progress} aria-hidden="true">
                      <span style={{ width: `${Math.min(100, Math.round(order.progress * 100))}%` }} />
                    </span>
                    {formatNumber(order.producedGood)} / {formatNumber(order.quantity)} good
                  </span>
                  <span>Due {formatDateTime(order.dueAt, timeZone)}</span>
                </span>
              </div>
            ))}
            {snapshot.orders.length > ORDERS_SHOWN ? (
              <div>
                <button type="button" className="btn btn-ghost" onClick={() => setShowAllOrders((shown) => !shown)}>
                  {showAllOrders ? "Show fewer" : `Show all ${snapshot.orders.length} orders`}
                </button>
              </div>
            ) : null}
            {snapshot.ordersOmitted > 0 ? (
              <span className="subtle">and {snapshot.ordersOmitted} more orders in progress.</span>
            ) : null}
          </div>
        )}
      </div>
      {recent ? (
        <div className="section">
          <span className={styles.sectionLabel}>
            {recent.workCenterCode}, {formatTime(recent.from, timeZone)}–{formatTime(recent.to, timeZone)}
          </span>
          <span className="subtle">
            Counted {formatNumber(recent.counted.total)} units ({formatNumber(recent.counted.good)} good) in these 30
            minutes.
          </span>
          {recent.events.length === 0 ? (
            <span className="subtle">Nothing else was reported.</span>
          ) : (
            <div className={styles.eventList}>
              {recent.events.map((event) => (
                <div key={event.id} className={styles.eventRow}>
                  <span className="subtle num">{formatTime(event.eventTime, timeZone)}</span>
                  <span>{event.summary}</span>
                </div>
              ))}
              {recent.eventsOmitted > 0 ? (
                <span className="subtle">and {recent.eventsOmitted} earlier events.</span>
              ) : null}
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
