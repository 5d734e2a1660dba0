"use client";

import Link from "next/link";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { OrderStatusBadge } from "~/components/ui/order-status-badge";
import { formatDateTime, formatNumber } from "~/lib/format";
import styles from "./analysis.module.css";
import { formatMinutes, formatPercent, oeeBandLabels, oeeBandOf, type TOeeBand } from "./execution-format";
import type { TOeeSort, TOrderOeeRow, TProductOeeRow } from "./execution-types";

type TSortProps = { sort: TOeeSort; onSort: (sort: TOeeSort) => void };

const BAND_BADGE: Record<TOeeBand, string> = {
  low: "badge-danger",
  mid: "badge-warning",
  good: "badge-success",
};

/** OEE in the dashboard's bands: red below 65 %, amber to 85 %, green from 85 % (the tiles' colors). */
function OeeBadge({ oee }: { oee: number | null }) {
  const band = oeeBandOf(oee);
  if (!band) {
    return (
      <span className="subtle" title="No planned production time in this run">
        —
      </span>
    );
  }
  return (
    <span className={`badge ${BAND_BADGE[band]} ${styles.oeeBadge}`} title={`OEE ${oeeBandLabels[band]}`}>
      {formatPercent(oee)}
    </span>
  );
}

const NEXT_SORT: Record<TOeeSort, TOeeSort> = {
  default: "oeeAscending",
  oeeAscending: "oeeDescending",
  oeeDescending: "default",
};

/** Click: lowest first, then highest first, then back to the list's own order. */
function OeeHeader({ sort, onSort, defaultOrder }: TSortProps & { defaultOrder: string }) {
  const ariaSort = sort === "oeeAscending" ? "ascending" : sort === "oeeDescending" ? "descending" : "none";
  const next = NEXT_SORT[sort];
  const nextText = next === "oeeAscending" ? "lowest first" : next === "oeeDescending" ? "highest first" : defaultOrder;
  return (
    <th scope="col" className="num" aria-sort={ariaSort}>
      <button
        type="button"
        className={styles.sortButton}
        onClick={() => onSort(next)}
        title={`Sort: ${nextText}`}
        data-testid="sort-by-oee"
      >
        OEE
        <span aria-hidden="true">{sort === "oeeAscending" ? " ↑" : sort === "oeeDescending" ? " ↓" : " ↕"}</span>
      </button>
    </th>
  );
}

type TRatios = {
  availability: number | null;
  performance: number | null;
  quality: number | null;
  countWithoutIdealCycle: number;
};

function RatioHeaders() {
  return (
    <>
      <th scope="col" className="num" title="Availability: run time / planned production time">
        A
      </th>
      <th scope="col" className="num" title="Performance: ideal time of the units / run time">
        P
      </th>
      <th scope="col" className="num" title="Quality: good units / all units">
        Q
      </th>
    </>
  );
}

function RatioCells({ row }: { row: TRatios }) {
  return (
    <>
      <td className="num nowrap">{formatPercent(row.availability)}</td>
      <td className="num nowrap">
        {formatPercent(row.performance)}
        {row.countWithoutIdealCycle > 0 ? (
          <span
            className={styles.footnoteMark}
            title={`${formatNumber(row.countWithoutIdealCycle)} units had no ideal cycle time: performance is understated.`}
          >
            *
          </span>
        ) : null}
      </td>
      <td className="num nowrap">{formatPercent(row.quality)}</td>
    </>
  );
}

function TimeCell({ row }: { row: { plannedMinutes: number; runMinutes: number } }) {
  return (
    <td className="num">
      <div className="cell-stack">
        <span className="nowrap">{formatMinutes(row.plannedMinutes)}</span>
        <small className="nowrap">run {formatMinutes(row.runMinutes)}</small>
      </div>
    </td>
  );
}

function MadeCell({ good, quantity }: { good: number; quantity: number }) {
  return (
    <td className="num">
      <div className="cell-stack">
        <span className="nowrap">
          {formatNumber(good)} / {formatNumber(quantity)}
        </span>
        <small className="nowrap">{quantity > 0 ? formatPercent(good / quantity, 0) : "—"} of quantity</small>
      </div>
    </td>
  );
}

export function OrderOeeRows({ rows, sort, onSort }: TSortProps & { rows: readonly TOrderOeeRow[] }) {
  const timeZone = usePlantTimeZone();
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Product</th>
          <OeeHeader sort={sort} onSort={onSort} defaultOrder="latest started first" />
          <RatioHeaders />
          <th scope="col" className="num">
            Good / qty
          </th>
          <th scope="col" className="num">
            Planned time
          </th>
          <th scope="col">Work center</th>
          <th scope="col">Run</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((order) => (
          <tr key={order.id} data-testid="order-oee-row">
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
            <td className="num" data-testid="oee-cell">
              <OeeBadge oee={order.oee} />
            </td>
            <RatioCells row={order} />
            <MadeCell good={order.goodCount} quantity={order.quantity} />
            <TimeCell row={order} />
            <td>
              <Link
                href={`/dashboard/work-centers/${order.workCenter.id}`}
                className="mono"
                title={order.workCenter.name}
              >
                {order.workCenter.code}
              </Link>
            </td>
            <td>
              <div className="cell-stack">
                <span className="nowrap">{formatDateTime(order.startedAt, timeZone)}</span>
                <small className="nowrap">
                  {order.completedAt ? `to ${formatDateTime(order.completedAt, timeZone)}` : "running, so far"}
                </small>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProductOeeRows({ rows, sort, onSort }: TSortProps & { rows: readonly TProductOeeRow[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Product</th>
          <OeeHeader sort={sort} onSort={onSort} defaultOrder="most planned time first" />
          <RatioHeaders />
          <th scope="col" className="num">
            Orders
          </th>
          <th scope="col" className="num">
            Good / qty
          </th>
          <th scope="col" className="num">
            Planned time
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.product.id} data-testid="product-oee-row">
            <td>
              <div className="cell-stack">
                <span className="nowrap">{row.product.name}</span>
                <small className="mono">{row.product.sku}</small>
              </div>
            </td>
            <td className="num">
              <OeeBadge oee={row.oee} />
            </td>
            <RatioCells row={row} />
            <td className="num">{formatNumber(row.orderCount)}</td>
            <MadeCell good={row.goodCount} quantity={row.quantity} />
            <TimeCell row={row} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
