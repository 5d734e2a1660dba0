"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { LogDecisionButton } from "~/components/decisions/log-decision-button";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { OrderStatusBadge } from "~/components/ui/order-status-badge";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { formatDateTime, formatNumber } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./analysis.module.css";
import { ChartStates } from "./chart-states";
import { CsvDownloadButton } from "./csv-download-button";
import { formatPercent } from "./execution-format";
import type { TOrderRow } from "./execution-types";
import { ProgressBar } from "./work-center-tile";

type TStatusFilter = "open" | "all";

/** Enough to see what is late or at risk (they come first when due soonest); the rest on request or in the CSV. */
const ROWS_SHOWN = 12;

const FILTERS = [
  { value: "open", label: "Open" },
  { value: "all", label: "All" },
] as const;

/** Late, at risk or on track, in words (the row tint only repeats it). */
function RiskBadge({ order }: { order: TOrderRow }) {
  const reason = order.projection?.reason;
  if (order.late)
    return (
      <span className="badge badge-danger" title={reason}>
        Late
      </span>
    );
  if (order.atRisk)
    return (
      <span className="badge badge-warning" title={reason}>
        At risk
      </span>
    );
  switch (order.projection?.status) {
    case "ON_TIME":
      return (
        <span className="badge badge-success" title={reason}>
          On track
        </span>
      );
    case "COMPLETE":
      return (
        <span className="badge" title={reason}>
          Quantity made
        </span>
      );
    case "CANNOT_PROJECT":
      return (
        <span className="badge" title={reason}>
          No projection
        </span>
      );
    default:
      return <span className="subtle">—</span>;
  }
}

/** Production orders with what has been made and when each open one will finish at its recent pace. */
export function OrdersTable() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const [status, setStatus] = useState<TStatusFilter>("open");
  const [expanded, setExpanded] = useState(false);
  const orders = useQuery({
    ...trpc.execution.orders.queryOptions({ status }),
    placeholderData: keepPreviousData,
  });
  const allRows = orders.data ?? [];
  const rows = expanded ? allRows : allRows.slice(0, ROWS_SHOWN);
  const lateCount = allRows.filter((row) => row.late).length;
  const riskCount = allRows.filter((row) => row.atRisk).length;
  return (
    <section className="card" aria-labelledby="orders-title" data-testid="orders-table">
      <div className="card-header">
        <div>
          <h2 id="orders-title">Production orders</h2>
          <p>
            {status === "open" ? "Open orders, soonest due first" : "All orders, latest due first"}
            {orders.data ? ` · ${lateCount} late, ${riskCount} at risk` : ""}. Projections use each work center&apos;s
            pace over its last 2 planned hours.
          </p>
        </div>
        <div className={styles.headerActions}>
          <SegmentedControl
            label="Show orders"
            options={FILTERS}
            value={status}
            onChange={(next) => {
              setStatus(next);
              setExpanded(false);
            }}
          />
          <CsvDownloadButton input={{ table: "orders", status }} label="Production orders" />
        </div>
      </div>
      <ChartStates
        query={orders}
        what="The orders"
        height="200px"
        empty={
          orders.data?.length === 0
            ? {
                title: status === "open" ? "No open production orders" : "No production orders yet",
                text: "Orders arrive from your ERP connector or a CSV upload in Admin → Connectors.",
              }
            : null
        }
      >
        {() => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Product</th>
                  <th scope="col">Work center</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Due · outlook</th>
                  <th scope="col">Projected finish</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((order) => (
                  <tr
                    key={order.id}
                    className={order.late ? styles.lateRow : order.atRisk ? styles.riskRow : undefined}
                  >
                    <td>
                      <div className="cell-stack">
                        <span className="mono nowrap">{order.externalId}</span>
                        <span>
                          <OrderStatusBadge status={order.status} />
                        </span>
                      </div>
                    </td>
                    <td>
                      <div className="cell-stack">
                        <span className="nowrap">{order.product.name}</span>
                        <small className="mono">{order.product.sku}</small>
                      </div>
                    </td>
                    <td>
                      {order.workCenter ? (
                        <Link
                          href={`/dashboard/work-centers/${order.workCenter.id}`}
                          className="mono"
                          title={order.workCenter.name}
                        >
                          {order.workCenter.code}
                        </Link>
                      ) : (
                        <span className="subtle">Not assigned</span>
                      )}
                    </td>
                    <td>
                      <div className={styles.progressCell}>
                        <ProgressBar value={order.progress} label={`Progress of ${order.externalId}`} />
                        <small className="subtle nowrap">
                          {formatNumber(order.producedGood)} / {formatNumber(order.quantity)} ·{" "}
                          {formatPercent(order.progress, 0)}
                        </small>
                      </div>
                    </td>
                    <td>
                      <div className="cell-stack">
                        <span className="nowrap">{formatDateTime(order.dueAt, timeZone)}</span>
                        <span>
                          <RiskBadge order={order} />
                        </span>
                      </div>
                    </td>
                    <td className="nowrap">
                      {order.completedAt ? (
                        <span className="subtle">Done {formatDateTime(order.completedAt, timeZone)}</span>
                      ) : order.projection?.projectedFinish ? (
                        formatDateTime(order.projection.projectedFinish, timeZone)
                      ) : (
                        <span className="subtle" title={order.projection?.reason}>
                          {order.startedAt ? "Cannot tell yet" : "Not started"}
                        </span>
                      )}
                    </td>
                    <td className="nowrap">
                      {(order.atRisk || order.late) && !order.completedAt ? (
                        <LogDecisionButton
                          variant="compact"
                          label="Decide"
                          situation={{ kind: "ORDER", orderId: order.id, label: `Order ${order.externalId}` }}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {allRows.length > ROWS_SHOWN ? (
              <div className={styles.moreRow}>
                <button type="button" className="btn btn-ghost" onClick={() => setExpanded(!expanded)}>
                  {expanded ? `Show the first ${ROWS_SHOWN}` : `Show all ${allRows.length} orders`}
                </button>
              </div>
            ) : null}
          </div>
        )}
      </ChartStates>
    </section>
  );
}
