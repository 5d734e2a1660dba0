import { StateBadge } from "~/components/ui/state-badge";
import { TimeAgo } from "~/components/ui/time-ago";
import type { TWorkCenterDetail } from "~/lib/api-types";
import { dueTone, formatDateTime, formatNumber } from "~/lib/format";
import { parseMachineState } from "~/lib/machine-state";
import styles from "./work-center.module.css";

type TCardProps = { workCenter: TWorkCenterDetail; timeZone: string; now: Date };

/** The last state the machine (or an operator) reported, with when. */
export function LastStateCard({ workCenter, timeZone }: TCardProps) {
  const last = workCenter.lastState;
  if (!last) {
    return (
      <section className={`card ${styles.panel}`} aria-labelledby="state-title">
        <h2 id="state-title" className={styles.panelTitle}>
          Last reported state
        </h2>
        <StateBadge state="UNKNOWN" size="lg" />
        <p className="muted">This work center has not reported a state yet. Its machine may not be connected.</p>
      </section>
    );
  }
  const { state, reason } = parseMachineState(last.payload);
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="state-title" data-state={state}>
      <h2 id="state-title" className={styles.panelTitle}>
        Last reported state
      </h2>
      <StateBadge state={state} size="lg" />
      {reason ? <p className={styles.reason}>{reason}</p> : null}
      <p className="muted">
        Reported <TimeAgo value={last.eventTime} timeZone={timeZone} /> · {formatDateTime(last.eventTime, timeZone)}
      </p>
    </section>
  );
}

/** What the work center is producing now, from the order marked in progress. */
export function CurrentOrderCard({ workCenter, timeZone, now }: TCardProps) {
  const order = workCenter.currentOrder;
  if (!order) {
    return (
      <section className={`card ${styles.panel}`} aria-labelledby="order-title">
        <h2 id="order-title" className={styles.panelTitle}>
          Current order
        </h2>
        <p className={styles.bigMuted}>No order running</p>
        <p className="muted">Orders released to this work center show here once they start.</p>
      </section>
    );
  }
  const tone = dueTone(order.dueAt, now, timeZone);
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="order-title">
      <h2 id="order-title" className={styles.panelTitle}>
        Current order
      </h2>
      <p className={styles.orderNumber}>{order.externalId}</p>
      <dl className={styles.facts}>
        <dt>Product</dt>
        <dd>
          {order.product.name} <span className="subtle mono">{order.product.sku}</span>
        </dd>
        <dt>Quantity</dt>
        <dd>{formatNumber(order.quantity)} pcs</dd>
        <dt>Due</dt>
        <dd>
          {formatDateTime(order.dueAt, timeZone)}{" "}
          {tone === "late" ? <span className="badge badge-danger">Late</span> : null}
          {tone === "today" ? <span className="badge badge-warning">Due today</span> : null}
        </dd>
      </dl>
    </section>
  );
}
