import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime, formatNumber } from "~/lib/format";
import { formatMinutes, formatPercent } from "../execution/execution-format";
import { priorityLabels } from "../tasks/task-format";
import styles from "./handover.module.css";
import { formatClock } from "./handover-format";
import type { THandoverSummaryView } from "./handover-types";

/** Where a work center of the report links to; null for plain text. */
export type TWorkCenterHref = (workCenterId: string) => string | null;

type TSummary = THandoverSummaryView;

function Panel({
  id,
  title,
  note,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  note?: ReactNode;
  /** Across the whole report (tables with several columns). */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`${styles.panel} ${wide ? styles.wide : ""}`} aria-labelledby={id} data-testid={id}>
      <div className={styles.panelHead}>
        <h3 id={id}>{title}</h3>
        {note ? <span className="subtle">{note}</span> : null}
      </div>
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className={styles.panelEmpty}>{children}</p>;
}

function WorkCenter({ id, code, name, href }: { id: string; code: string; name: string; href: TWorkCenterHref }) {
  const target = href(id);
  const label = (
    <>
      <span className="mono">{code}</span>
      <small>{name}</small>
    </>
  );
  return target ? (
    <Link href={target} className={styles.workCenterLink}>
      {label}
    </Link>
  ) : (
    <span className={styles.workCenter}>{label}</span>
  );
}

export function DowntimesPanel({
  rows,
  workCenterHref,
}: {
  rows: TSummary["topDowntimes"];
  workCenterHref: TWorkCenterHref;
}) {
  return (
    <Panel id="handover-downtimes" title="Top downtimes" note="Minor stops left out">
      {rows.length === 0 ? (
        <Empty>No downtime in this shift.</Empty>
      ) : (
        <ul className={styles.rows}>
          {rows.map((row) => (
            <li key={`${row.workCenterId}-${row.reasonCode ?? row.reasonLabel}`} className={styles.row}>
              <WorkCenter
                id={row.workCenterId}
                code={row.workCenterCode}
                name={row.workCenterName}
                href={workCenterHref}
              />
              <span className={styles.rowMain}>
                {row.unclassified ? <span className="badge badge-danger">Unclassified</span> : row.reasonLabel}
              </span>
              <span className={styles.rowFigure}>
                {formatMinutes(row.minutes)}
                <small>
                  {row.count} {row.count === 1 ? "stop" : "stops"}
                </small>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function UnclassifiedPanel({
  rows,
  timeZone,
  workCenterHref,
}: {
  rows: TSummary["unclassifiedDowntimes"];
  timeZone: string;
  workCenterHref: TWorkCenterHref;
}) {
  return (
    <Panel
      id="handover-unclassified"
      title="Stops still without a reason"
      note={rows.length > 0 ? "Classify them at the machine" : null}
    >
      {rows.length === 0 ? (
        <Empty>Every stop of this shift has a reason.</Empty>
      ) : (
        <ul className={styles.rows}>
          {rows.map((row) => (
            <li key={`${row.workCenterId}-${row.since}`} className={styles.row}>
              <WorkCenter
                id={row.workCenterId}
                code={row.workCenterCode}
                name={row.workCenterName}
                href={workCenterHref}
              />
              <span className={styles.rowMain}>
                Since {formatDateTime(row.since, timeZone)}
                {row.ongoing ? <span className="badge badge-danger badge-dot">Still down</span> : null}
              </span>
              <span className={styles.rowFigure}>{formatMinutes(row.minutes)}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function OrdersPanel({ rows, timeZone }: { rows: TSummary["orders"]; timeZone: string }) {
  return (
    <Panel id="handover-orders" title="Orders progressed" note="Late and at-risk first" wide>
      {rows.length === 0 ? (
        <Empty>No order made progress in this shift.</Empty>
      ) : (
        <div className="table-wrap">
          <table className={`table ${styles.compactTable}`}>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col" className="num">
                  Good this shift
                </th>
                <th scope="col">Progress</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((order) => (
                <tr key={order.orderId}>
                  <th scope="row" className={styles.rowHead}>
                    <span className="cell-stack">
                      <span className="mono">{order.externalId}</span>
                      <small>
                        {order.productName}
                        {order.workCenterCode ? ` · ${order.workCenterCode}` : ""}
                      </small>
                    </span>
                  </th>
                  <td className="num">+{formatNumber(order.producedGoodInShift)}</td>
                  <td>
                    <span className={styles.stackCell}>
                      <span className={styles.progress} aria-hidden="true">
                        <span style={{ width: `${Math.min(1, order.progress) * 100}%` }} />
                      </span>
                      <span className="nowrap">
                        {formatNumber(order.producedGood)} of {formatNumber(order.quantity)} ·{" "}
                        {formatPercent(order.progress, 0)}
                      </span>
                    </span>
                  </td>
                  <td>
                    <span className={styles.stackCell}>
                      <span className="nowrap">{formatDateTime(order.dueAt, timeZone)}</span>
                      {order.late ? <span className="badge badge-danger">Late</span> : null}
                      {order.atRisk ? <span className="badge badge-warning">At risk</span> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

export function TasksPanel({ tasks, timeZone }: { tasks: TSummary["tasks"]; timeZone: string }) {
  return (
    <Panel
      id="handover-tasks"
      title={`Open tasks: ${tasks.openCount}`}
      note={
        <span className={styles.badges}>
          {tasks.urgentCount > 0 ? <span className="badge badge-danger">{tasks.urgentCount} urgent</span> : null}
          {tasks.overdueCount > 0 ? <span className="badge badge-warning">{tasks.overdueCount} overdue</span> : null}
        </span>
      }
    >
      {tasks.top.length === 0 ? (
        <Empty>Nothing open for the next shift.</Empty>
      ) : (
        <ul className={styles.rows}>
          {tasks.top.map((task) => (
            <li key={task.taskId} className={`${styles.row} ${styles.rowShortLead}`}>
              <span
                className={`badge ${task.priority === "URGENT" ? "badge-danger" : task.priority === "HIGH" ? "badge-warning" : ""}`}
              >
                {priorityLabels[task.priority]}
              </span>
              <span className={styles.rowMain}>
                {task.title}
                {task.workCenterCode ? <small className="mono"> · {task.workCenterCode}</small> : null}
              </span>
              <span className={styles.rowFigure} data-late={task.overdue || undefined}>
                {task.dueAt
                  ? `${task.overdue ? "Overdue · was due" : "Due"} ${formatDateTime(task.dueAt, timeZone)}`
                  : "No due date"}
              </span>
            </li>
          ))}
        </ul>
      )}
      {tasks.openCount > tasks.top.length ? (
        <Link href="/tasks" className={styles.panelLink}>
          All {tasks.openCount} open tasks
        </Link>
      ) : null}
    </Panel>
  );
}

export function DecisionsPanel({ rows, timeZone }: { rows: TSummary["decisions"]; timeZone: string }) {
  return (
    <Panel id="handover-decisions" title="Decisions taken">
      {rows.length === 0 ? (
        <Empty>No decision was logged in this shift.</Empty>
      ) : (
        <ul className={styles.rows}>
          {rows.map((decision) => (
            <li key={decision.decisionId} className={`${styles.row} ${styles.rowShortLead}`}>
              <span className={`mono ${styles.time}`}>{formatClock(decision.decidedAt, timeZone)}</span>
              <span className={styles.rowMain}>
                {decision.title}
                <small>
                  {decision.decidedBy}
                  {decision.workCenterCode ? ` · ${decision.workCenterCode}` : ""}
                </small>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
