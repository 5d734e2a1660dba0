import Link from "next/link";
import { EmptyState } from "~/components/ui/empty-state";
import { OrderStatusBadge } from "~/components/ui/order-status-badge";
import type { TOpenOrder } from "~/lib/api-types";
import { dueTone, formatDateTime, formatNumber } from "~/lib/format";
import styles from "./open-orders-table.module.css";

type TOpenOrdersTableProps = { orders: TOpenOrder[]; total: number; timeZone: string; now: Date };

/** Open production orders, soonest due first; late and due-today orders are flagged. */
export function OpenOrdersTable({ orders, total, timeZone, now }: TOpenOrdersTableProps) {
  return (
    <section className="card" aria-labelledby="open-orders-title">
      <div className="card-header">
        <div>
          <h2 id="open-orders-title">Open production orders</h2>
          <p>
            {orders.length < total
              ? `The ${orders.length} due soonest of ${formatNumber(total)} open orders`
              : "Planned, released and running orders, soonest due first"}
          </p>
        </div>
      </div>
      {orders.length === 0 ? (
        <EmptyState title="No open production orders">
          Orders arrive from your ERP. Connect it in Admin → Connectors (coming soon) or import a CSV of orders.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Product</th>
                <th scope="col">Work center</th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col">Status</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => {
                const tone = dueTone(order.dueAt, now, timeZone);
                return (
                  <tr key={order.id} className={tone === "late" ? styles.lateRow : undefined}>
                    <td className="mono nowrap">{order.externalId}</td>
                    <td>
                      <div className="cell-stack">
                        <span>{order.product.name}</span>
                        <small className="mono">{order.product.sku}</small>
                      </div>
                    </td>
                    <td>
                      {order.workCenter ? (
                        <Link href={`/floor/${order.workCenter.id}`} className="mono" title={order.workCenter.name}>
                          {order.workCenter.code}
                        </Link>
                      ) : (
                        <span className="subtle">Not assigned</span>
                      )}
                    </td>
                    <td className="num">{formatNumber(order.quantity)}</td>
                    <td>
                      <OrderStatusBadge status={order.status} />
                    </td>
                    <td>
                      <div className={styles.due}>
                        <span className="nowrap">{formatDateTime(order.dueAt, timeZone)}</span>
                        {tone === "late" ? <span className="badge badge-danger">Late</span> : null}
                        {tone === "today" ? <span className="badge badge-warning">Due today</span> : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
