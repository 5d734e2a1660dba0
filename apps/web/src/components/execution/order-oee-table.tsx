"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { formatNumber } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./analysis.module.css";
import { ChartStates } from "./chart-states";
import { CsvDownloadButton } from "./csv-download-button";
import type { TAnalysisFilter, TOeeSort } from "./execution-types";
import { OrderOeeRows, ProductOeeRows } from "./order-oee-rows";

type TView = "order" | "product";

const VIEWS = [
  { value: "order", label: "By order" },
  { value: "product", label: "By product" },
] as const;

/** Rows fetched for the screen; the CSV asks for the API's maximum. */
const ROWS_FETCHED = 200;
const CSV_ROWS = 5000;
const ROWS_SHOWN = 12;

/**
 * OEE per production order (over each order's whole run) and per product (its orders' inputs
 * summed, then divided), for the orders that ran in the filter's dates and line. Sorted on the
 * server, so "lowest OEE first" is the lowest of all orders, not of the rows on screen.
 */
export function OrderOeeTable({ filter }: { filter: TAnalysisFilter | null }) {
  const trpc = useTRPC();
  const [view, setView] = useState<TView>("order");
  const [sort, setSort] = useState<TOeeSort>("default");
  const [expanded, setExpanded] = useState(false);
  const input = filter ? { ...filter, sort, limit: ROWS_FETCHED } : null;
  const oee = useQuery({
    ...trpc.execution.orderOee.queryOptions(input ?? {}),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  const data = oee.data;
  const allRows = view === "order" ? (data?.orders ?? []) : (data?.products ?? []);
  const shownCount = expanded ? allRows.length : Math.min(ROWS_SHOWN, allRows.length);
  const cut = data && view === "order" && data.orderCount > data.orders.length;

  return (
    <section className="card" aria-labelledby="order-oee-title" data-testid="order-oee">
      <div className="card-header">
        <div>
          <h2 id="order-oee-title">OEE by order and product</h2>
          <p>
            Orders that ran in these dates, each over its whole run (running ones up to now). A product adds up its
            orders&apos; times and counts, then divides.
          </p>
        </div>
        <div className={styles.headerActions}>
          <SegmentedControl
            label="Show OEE"
            options={VIEWS}
            value={view}
            onChange={(next) => {
              setView(next);
              setExpanded(false);
            }}
          />
          {filter ? (
            <CsvDownloadButton
              input={{ table: view === "order" ? "orderOee" : "productOee", ...filter, sort, limit: CSV_ROWS }}
              label={view === "order" ? "OEE by order" : "OEE by product"}
            />
          ) : null}
        </div>
      </div>
      <ChartStates
        query={oee}
        what="OEE by order and product"
        height="240px"
        empty={
          data?.orderCount === 0
            ? {
                title: "No production order ran in these dates",
                text:
                  "An order counts here once it has been started on a work center of the chosen line. Pick earlier " +
                  "or longer dates, or All lines; orders come from your ERP connector or a CSV upload in Admin → Connectors.",
              }
            : null
        }
      >
        {() => (
          <>
            <div className={`table-wrap ${styles.tableArea}`} data-stale={oee.isPlaceholderData ? "true" : undefined}>
              {view === "order" ? (
                <OrderOeeRows rows={data?.orders.slice(0, shownCount) ?? []} sort={sort} onSort={setSort} />
              ) : (
                <ProductOeeRows rows={data?.products.slice(0, shownCount) ?? []} sort={sort} onSort={setSort} />
              )}
            </div>
            <div className={styles.tableFoot}>
              <span className="subtle">
                {view === "order"
                  ? `${formatNumber(data?.orderCount ?? 0)} orders`
                  : `${formatNumber(data?.products.length ?? 0)} products from ${formatNumber(data?.orderCount ?? 0)} orders`}
                {cut
                  ? ` · the first ${formatNumber(data.orders.length)} in this sort are listed; the CSV has up to ${formatNumber(CSV_ROWS)}`
                  : ""}
                . OEE <span className={styles.bandLow}>below 65 %</span>,{" "}
                <span className={styles.bandMid}>65–85 %</span>, <span className={styles.bandGood}>85 % or more</span>
                {"; over 100 % is shown as 100 %."}
              </span>
              {allRows.length > ROWS_SHOWN ? (
                <button type="button" className="btn btn-ghost" onClick={() => setExpanded(!expanded)}>
                  {expanded ? `Show the first ${ROWS_SHOWN}` : `Show all ${formatNumber(allRows.length)}`}
                </button>
              ) : null}
            </div>
          </>
        )}
      </ChartStates>
    </section>
  );
}
