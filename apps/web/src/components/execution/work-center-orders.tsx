"use client";

import { OrderStatusBadge } from "~/components/ui/order-status-badge";
import { formatDateTime, formatNumber } from "~/lib/format";
import { ChartStates } from "./chart-states";
import type { TWorkCenterTimeline } from "./execution-types";

type TTimelineQuery = { isPending: boolean; error: unknown; data?: TWorkCenterTimeline; refetch: () => unknown };

/** The production orders that ran on this work center in the window shown. */
export function WorkCenterOrders({ query, timeZone }: { query: TTimelineQuery; timeZone: string }) {
  const orders = query.data?.orders ?? [];
  return (
    <section className="card" aria-labelledby="wc-orders-title">
      <div className="card-header">
        <div>
          <h2 id="wc-orders-title">Orders run</h2>
          <p>Orders started on this work center and still running, or finished, in this window.</p>
        </div>
      </div>
      <ChartStates
        query={query}
        what="The orders"
        height="120px"
        empty={
          orders.length === 0 ? { title: "No order ran in this window", text: "Pick another day or shift." } : null
        }
      >
        {() => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Product</th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Ran</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((order) => (
                  <tr key={order.id}>
                    <td className="mono nowrap">{order.externalId}</td>
                    <td>
                      <div className="cell-stack">
                        <span>{order.product.name}</span>
                        <small className="mono">{order.product.sku}</small>
                      </div>
                    </td>
                    <td className="num">{formatNumber(order.quantity)}</td>
                    <td>
                      <OrderStatusBadge status={order.status} />
                    </td>
                    <td>
                      <div className="cell-stack">
                        <span className="nowrap">
                          {order.startedAt ? formatDateTime(order.startedAt, timeZone) : "—"} →{" "}
                          {order.completedAt ? formatDateTime(order.completedAt, timeZone) : "running"}
                        </span>
                        <small>Due {formatDateTime(order.dueAt, timeZone)}</small>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ChartStates>
    </section>
  );
}
