"use client";

import Link from "next/link";
import { TimeAgo } from "~/components/ui/time-ago";
import { formatNumber } from "~/lib/format";
import { describeStatus, hasRuns } from "./connector-status";
import styles from "./connectors.module.css";
import { LastError } from "./last-error";
import { PauseToggle } from "./pause-toggle";
import { runStatusOf } from "./run-format";
import { StatusBadge } from "./status-badge";
import type { TConnectorSummary } from "./types";

type TConnectorRowProps = { connector: TConnectorSummary; timeZone: string };

/** One connector in the list: what it is, whether data flows, what went wrong, what waits. */
export function ConnectorRow({ connector, timeZone }: TConnectorRowProps) {
  const { health, lastRun } = connector;
  const status = describeStatus(connector);
  const detail = connector.enabled ? health?.statusDetail : null;
  const lastRunStatus = lastRun ? runStatusOf(lastRun.status) : null;
  return (
    <tr>
      <td>
        <div className="cell-stack">
          <Link href={`/admin/connectors/${connector.id}`} className={styles.rowName}>
            {connector.name}
          </Link>
          <small>{connector.kindLabel}</small>
        </div>
      </td>
      <td>
        <div className="cell-stack">
          <span>
            <StatusBadge connector={connector} />
          </span>
          {detail ? (
            <small className={styles.clip} title={detail}>
              {detail}
            </small>
          ) : status.tone === "danger" ? (
            <small className={styles.clip} title={status.explanation}>
              {status.explanation}
            </small>
          ) : null}
        </div>
      </td>
      <td className="nowrap">
        <div className="cell-stack">
          {health?.lastMessageAt ? (
            <TimeAgo value={health.lastMessageAt} timeZone={timeZone} />
          ) : (
            <span className="subtle">Never</span>
          )}
          <small>{health ? `${formatNumber(health.eventsPerMinute)} events/min` : "events/min unknown"}</small>
        </div>
      </td>
      <td className={styles.errorCell}>
        {health && health.errorCount > 0 ? (
          <LastError count={health.errorCount} message={health.lastError} at={health.lastErrorAt} timeZone={timeZone} />
        ) : (
          <span className="subtle">None</span>
        )}
      </td>
      <td>
        {!hasRuns(connector.kind, connector.runtime) ? (
          <span className="subtle" title="This connector receives data as it happens; it has no runs.">
            n/a
          </span>
        ) : lastRun && lastRunStatus ? (
          <div className="cell-stack">
            <span className={lastRunStatus.className} title={lastRun.message ?? undefined}>
              {lastRunStatus.label}
            </span>
            <small>
              <TimeAgo value={lastRun.startedAt} timeZone={timeZone} />
            </small>
          </div>
        ) : (
          <span className="subtle">Not yet</span>
        )}
      </td>
      <td className="num">
        {connector.openDeadLetters > 0 ? (
          <Link
            href={`/admin/connectors/dead-letters?connector=${connector.id}`}
            className={`badge badge-danger ${styles.badgeLink}`}
          >
            {formatNumber(connector.openDeadLetters)} open
            <span className="visually-hidden"> dead letters of {connector.name}</span>
          </Link>
        ) : (
          <span className="subtle">None</span>
        )}
      </td>
      <td className="num">
        <div className={styles.rowActions}>
          <PauseToggle connectorId={connector.id} name={connector.name} enabled={connector.enabled} />
        </div>
      </td>
    </tr>
  );
}
