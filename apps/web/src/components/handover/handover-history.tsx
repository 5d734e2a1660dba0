"use client";

import { HANDOVER_STATUSES, handoverStatusLabels, type THandoverStatus } from "@gemba/domain/handover/handover-summary";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { ClockIcon } from "~/components/ui/icons";
import { SearchField } from "~/components/ui/search-field";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { formatPercent } from "../execution/execution-format";
import { shiftTitle, statusTone } from "./handover-format";
import styles from "./handover-history.module.css";

type TFilter = { q: string; status: THandoverStatus | ""; shiftName: string; from: string; to: string };
const NO_FILTER: TFilter = { q: "", status: "", shiftName: "", from: "", to: "" };
const PAGE_SIZE = 20;

/**
 * Every handover of the site, newest shift first: searched by any word of the notes or the
 * report, filtered by status, shift and dates. Opening one shows it above, as it was signed.
 */
export function HandoverHistory({
  siteId,
  timeZone,
  selectedId,
  onOpen,
}: {
  siteId: string;
  timeZone: string;
  selectedId: string | null;
  onOpen: (handoverId: string) => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const [filter, setFilter] = useState<TFilter>(NO_FILTER);
  const [words, setWords] = useState("");
  useEffect(() => {
    if (words === filter.q) return;
    const timer = window.setTimeout(() => setFilter((current) => ({ ...current, q: words })), 300);
    return () => window.clearTimeout(timer);
  }, [words, filter.q]);

  const input = {
    siteId,
    limit: PAGE_SIZE,
    ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.shiftName ? { shiftName: filter.shiftName } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
  const list = useInfiniteQuery(
    trpc.handover.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = list.data?.pages.flatMap((page) => page.handovers) ?? [];
  const shiftNames = list.data?.pages[0]?.shiftNames ?? [];
  const filtered = words !== "" || Object.values(filter).some((value) => value !== "");
  const id = (name: string) => `${ids}-${name}`;

  return (
    <section className="card" aria-labelledby={id("title")} data-testid="handover-history">
      <div className="card-header">
        <div>
          <h2 id={id("title")}>History</h2>
          <p>Every handover of this site, newest first. Search any word of the notes or the report.</p>
        </div>
        {list.isFetching && !list.isPending ? <span className="subtle">Updating…</span> : null}
      </div>
      <div className={styles.filters}>
        <SearchField
          id={id("q")}
          value={words}
          maxLength={200}
          placeholder="A machine, an order, a word from the notes"
          onChange={setWords}
          className={styles.searchField}
        />
        <div className="field">
          <label className="field-label" htmlFor={id("status")}>
            Status
          </label>
          <select
            id={id("status")}
            className="select"
            value={filter.status}
            onChange={(event) => setFilter({ ...filter, status: event.target.value as THandoverStatus | "" })}
          >
            <option value="">Any</option>
            {HANDOVER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {handoverStatusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id("shift")}>
            Shift
          </label>
          <select
            id={id("shift")}
            className="select"
            value={filter.shiftName}
            onChange={(event) => setFilter({ ...filter, shiftName: event.target.value })}
          >
            <option value="">Any</option>
            {shiftNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className={`field ${styles.dateField}`}>
          <label className="field-label" htmlFor={id("from")}>
            From
          </label>
          <input
            id={id("from")}
            type="date"
            className="input"
            value={filter.from}
            max={filter.to || undefined}
            onChange={(event) => setFilter({ ...filter, from: event.target.value })}
          />
        </div>
        <div className={`field ${styles.dateField}`}>
          <label className="field-label" htmlFor={id("to")}>
            To
          </label>
          <input
            id={id("to")}
            type="date"
            className="input"
            value={filter.to}
            min={filter.from || undefined}
            onChange={(event) => setFilter({ ...filter, to: event.target.value })}
          />
        </div>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={!filtered}
          onClick={() => {
            setWords("");
            setFilter(NO_FILTER);
          }}
        >
          Clear
        </button>
      </div>

      {list.isPending ? (
        <div className="card-body" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading the handover history…
          </span>
          <Skeleton height="64px" />
        </div>
      ) : list.error && rows.length === 0 ? (
        <div className="card-body form-stack">
          <Alert tone="danger">{apiErrorMessage(list.error)}</Alert>
          <div>
            <button type="button" className="btn" onClick={() => void list.refetch()}>
              Try again
            </button>
          </div>
        </div>
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? "No handover matches" : "No handovers yet"} icon={<ClockIcon size={22} />}>
          {filtered
            ? "Try other words, another status or shift, or a wider date range."
            : "A handover is drafted automatically when a shift ends. Use “Draft now” to start the one of the current shift."}
        </EmptyState>
      ) : (
        <ul className={styles.historyList} aria-label="Handovers">
          {rows.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className={styles.historyItem}
                aria-current={row.id === selectedId ? "true" : undefined}
                data-testid="handover-history-item"
                onClick={() => onOpen(row.id)}
              >
                <span className={styles.historyHead}>
                  <strong>{shiftTitle(row, timeZone)}</strong>
                  <span className={`badge ${statusTone[row.status]}`}>{handoverStatusLabels[row.status]}</span>
                </span>
                <span className={styles.historyMeta}>
                  OEE {formatPercent(row.oee)}
                  {row.signedBy ? ` · signed by ${row.signedBy.name}` : ""}
                  {row.acknowledgedBy ? ` · taken over by ${row.acknowledgedBy.name}` : ""}
                </span>
                {row.excerpt ? <span className={styles.historyExcerpt}>{row.excerpt}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <div className="card-body">
          <button
            type="button"
            className={`btn ${styles.touch}`}
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? "Loading…" : "Show older handovers"}
          </button>
        </div>
      ) : null}
    </section>
  );
}
