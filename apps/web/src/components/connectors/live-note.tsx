"use client";

import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { apiErrorMessage } from "~/lib/api-error";
import styles from "./connectors.module.css";

type TLiveQuery = { dataUpdatedAt: number; error: unknown; isFetching: boolean };

const formatClock = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(at);

/** Says the figures are live, and says so plainly when the last refresh failed and they are getting old. */
export function LiveNote({ query }: { query: TLiveQuery }) {
  const timeZone = usePlantTimeZone();
  const updated = query.dataUpdatedAt > 0 ? formatClock(query.dataUpdatedAt, timeZone) : null;
  if (query.error) {
    return (
      <p className={`${styles.liveNote} ${styles.liveNoteStale}`} role="status">
        Could not refresh ({apiErrorMessage(query.error)}). Showing figures from {updated ?? "earlier"}; retrying every
        few seconds.
      </p>
    );
  }
  return (
    <p className={styles.liveNote}>
      <span className={styles.liveDot} aria-hidden="true" />
      Live: refreshes every 5 s{updated ? `, last at ${updated}` : ""}.
    </p>
  );
}
