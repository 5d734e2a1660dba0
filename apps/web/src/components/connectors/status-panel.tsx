import Link from "next/link";
import { TimeAgo } from "~/components/ui/time-ago";
import { formatNumber } from "~/lib/format";
import { describeStatus, hasRuns } from "./connector-status";
import styles from "./connectors.module.css";
import { LastError } from "./last-error";
import { describeCounts, runStatusOf } from "./run-format";
import { StatusBadge } from "./status-badge";
import type { TConnectorState, TConnectorSummary } from "./types";

type TStatusPanelProps = {
  kind: string;
  connector: TConnectorState;
  /** From the list query (refreshed every few seconds); null until it has loaded. */
  summary: TConnectorSummary | null;
  timeZone: string;
};

/** The connector's health at a glance: status, last message, throughput, errors, last run, dead letters. */
export function StatusPanel({ kind, connector, summary, timeZone }: TStatusPanelProps) {
  const { health } = connector;
  const status = describeStatus(connector);
  const lastRun = summary?.lastRun ?? null;
  const openDeadLetters = summary?.openDeadLetters ?? 0;
  return (
    <section className={styles.statusGrid} aria-label="Health">
      <article className={`${styles.statusCard} ${styles.statusCardWide}`} data-tone={status.tone}>
        <h3 className={styles.statusLabel}>Status</h3>
        <p className={styles.statusValue}>
          <StatusBadge connector={connector} />
          {connector.enabled && health?.statusSince ? (
            <span className="subtle">
              since <TimeAgo value={health.statusSince} timeZone={timeZone} />
            </span>
          ) : null}
        </p>
        <p className={styles.statusSub}>{status.explanation}</p>
        {connector.enabled && health?.statusDetail ? (
          <p className={`${styles.statusSub} mono`}>{health.statusDetail}</p>
        ) : null}
      </article>
      <article className={styles.statusCard}>
        <h3 className={styles.statusLabel}>Last message</h3>
        <p className={styles.statusValue}>
          {health?.lastMessageAt ? <TimeAgo value={health.lastMessageAt} timeZone={timeZone} /> : "Never"}
        </p>
        <p className={styles.statusSub}>
          {health ? `${formatNumber(health.eventsPerMinute)} events in the last full minute` : "Not known right now"}
        </p>
      </article>
      <article className={styles.statusCard} data-tone={health && health.errorCount > 0 ? "danger" : undefined}>
        <h3 className={styles.statusLabel}>Errors</h3>
        {health && health.errorCount > 0 ? (
          <LastError count={health.errorCount} message={health.lastError} at={health.lastErrorAt} timeZone={timeZone} />
        ) : (
          <>
            <p className={styles.statusValue}>None</p>
            <p className={styles.statusSub}>Connection problems and retries show here.</p>
          </>
        )}
      </article>
      {hasRuns(kind, connector.runtime) ? (
        <article className={styles.statusCard} data-tone={lastRun?.status === "FAILED" ? "danger" : undefined}>
          <h3 className={styles.statusLabel}>Last run</h3>
          {lastRun ? (
            <>
              <p className={styles.statusValue}>
                <span className={runStatusOf(lastRun.status).className}>{runStatusOf(lastRun.status).label}</span>
                <span className="subtle">
                  <TimeAgo value={lastRun.startedAt} timeZone={timeZone} />
                </span>
              </p>
              <p className={styles.statusSub}>{lastRun.message ?? describeCounts({})}</p>
            </>
          ) : (
            <p className={styles.statusValue}>Not yet</p>
          )}
        </article>
      ) : null}
      <article className={styles.statusCard} data-tone={openDeadLetters > 0 ? "warning" : undefined}>
        <h3 className={styles.statusLabel}>Dead letters</h3>
        <p className={styles.statusValue}>{formatNumber(openDeadLetters)} open</p>
        <p className={styles.statusSub}>
          {openDeadLetters > 0 ? (
            <Link href="#dead-letters-title">Review and retry them below</Link>
          ) : (
            "Nothing waiting."
          )}
        </p>
      </article>
    </section>
  );
}
