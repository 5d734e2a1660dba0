"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { DeadLetterActions } from "./dead-letter-actions";
import { DeadLetterRow } from "./dead-letter-row";
import styles from "./dead-letters.module.css";

const PAGE_SIZE = 50;
const REFRESH_MS = 10_000;

type TDeadLettersPanelProps = {
  /** Only this connector's letters; all connectors' otherwise. */
  connectorId?: string;
  title: string;
  description: ReactNode;
  /** Filters above the table (the plant-wide view picks a connector). */
  filters?: ReactNode;
};

/** Input that could not become events, with the reason and the payload; retry after fixing, or dismiss. */
export function DeadLettersPanel({ connectorId, title, description, filters }: TDeadLettersPanelProps) {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const [status, setStatus] = useState<"open" | "all">("open");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const letters = useInfiniteQuery(
    trpc.connectors.deadLetters.infiniteQueryOptions(
      { ...(connectorId ? { connectorId } : {}), status, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, refetchInterval: REFRESH_MS },
    ),
  );
  const rows = letters.data?.pages.flatMap((page) => page.letters) ?? [];
  const open = rows.filter((letter) => letter.resolvedAt === null);
  // Selection only ever holds letters still shown and still open.
  const selectedIds = open.filter((letter) => selected.has(letter.id)).map((letter) => letter.id);
  const allSelected = open.length > 0 && selectedIds.length === open.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="card" aria-labelledby="dead-letters-title">
      <div className="card-header">
        <div>
          <h2 id="dead-letters-title">{title}</h2>
          <p>{description}</p>
        </div>
        <div className={styles.filters}>
          {filters}
          <label className={styles.inlineField}>
            <span className="field-label">Show</span>
            <select
              className="select"
              value={status}
              onChange={(event) => {
                setStatus(event.target.value === "all" ? "all" : "open");
                setSelected(new Set());
              }}
            >
              <option value="open">Open only</option>
              <option value="all">Open and handled</option>
            </select>
          </label>
        </div>
      </div>

      {letters.isPending ? (
        <div className="card-body" aria-busy="true">
          <Skeleton height="44px" />
        </div>
      ) : letters.error && rows.length === 0 ? (
        <div className="card-body">
          <Alert tone="danger">
            Dead letters could not be loaded. {apiErrorMessage(letters.error)} Try again in a moment.
          </Alert>
        </div>
      ) : rows.length === 0 ? (
        <EmptyState title={status === "open" ? "No open dead letters" : "No dead letters"}>
          Input that cannot become an event — an unknown machine, an unreadable message, a value out of range — is kept
          here with the reason, so nothing is lost. Fix the cause, then retry it.
        </EmptyState>
      ) : (
        <>
          <DeadLetterActions selectedIds={selectedIds} onDone={() => setSelected(new Set())} />
          <div className="table-wrap">
            <table className={`table ${styles.letterTable}`}>
              <thead>
                <tr>
                  <th scope="col" className={styles.checkCell}>
                    <input
                      type="checkbox"
                      aria-label="Select all open dead letters shown"
                      checked={allSelected}
                      disabled={open.length === 0}
                      onChange={(event) =>
                        setSelected(event.target.checked ? new Set(open.map((letter) => letter.id)) : new Set())
                      }
                    />
                  </th>
                  <th scope="col">Received</th>
                  {connectorId ? null : <th scope="col">Connector</th>}
                  <th scope="col">Stage</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Payload</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((letter) => (
                  <DeadLetterRow
                    key={letter.id}
                    letter={letter}
                    timeZone={timeZone}
                    showConnector={!connectorId}
                    selected={selected.has(letter.id)}
                    onSelect={(on) => toggle(letter.id, on)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className={styles.loadMore}>
            {letters.error ? <Alert tone="danger">{apiErrorMessage(letters.error)}</Alert> : null}
            {letters.hasNextPage ? (
              <button
                type="button"
                className="btn"
                disabled={letters.isFetchingNextPage}
                onClick={() => void letters.fetchNextPage()}
              >
                {letters.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            ) : (
              <span className="subtle">
                {rows.length} {rows.length === 1 ? "dead letter" : "dead letters"} shown, {open.length} open.
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
