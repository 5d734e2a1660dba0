"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { PlusIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatNumber } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ConnectorRow } from "./connector-row";
import styles from "./connectors.module.css";
import { ConnectorsEmpty } from "./connectors-empty";
import { LiveNote } from "./live-note";

export const HEALTH_REFRESH_MS = 5_000;

/** Admin → Connectors: every connector with live health, refreshed every few seconds. */
export function ConnectorsList() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const list = useQuery(trpc.connectors.list.queryOptions(undefined, { refetchInterval: HEALTH_REFRESH_MS }));
  const connectors = list.data ?? [];
  const openDeadLetters = connectors.reduce((sum, connector) => sum + connector.openDeadLetters, 0);

  return (
    <section className={`card ${styles.listCard}`} aria-labelledby="connectors-title">
      <div className="card-header">
        <div>
          <h2 id="connectors-title">Connectors</h2>
          <p>Machines, brokers and business systems that send data to Gemba.</p>
        </div>
        <div className="page-actions">
          {connectors.length > 0 ? (
            <Link href="/admin/connectors/dead-letters" className="btn">
              Dead letters
              {openDeadLetters > 0 ? <span className="badge badge-danger">{formatNumber(openDeadLetters)}</span> : null}
            </Link>
          ) : null}
          {connectors.length > 0 ? (
            <Link href="/admin/connectors/new" className="btn btn-primary">
              <PlusIcon /> Add connector
            </Link>
          ) : null}
        </div>
      </div>
      {list.isPending ? (
        <div className="card-body" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading connectors…
          </span>
          <div className={styles.skeletonRows}>
            <Skeleton height="44px" />
            <Skeleton height="44px" />
            <Skeleton height="44px" />
          </div>
        </div>
      ) : list.error && !list.data ? (
        <div className="card-body">
          <Alert tone="danger">
            <p>
              <strong>Connectors could not be loaded.</strong> {apiErrorMessage(list.error)}
            </p>
            <p>Check the connection, then try again. If it keeps failing, the Gemba server may need attention.</p>
          </Alert>
          <div className={styles.retryRow}>
            <button type="button" className="btn" onClick={() => void list.refetch()}>
              Try again
            </button>
          </div>
        </div>
      ) : connectors.length === 0 ? (
        <ConnectorsEmpty />
      ) : (
        <>
          <div className="table-wrap">
            <table className={`table ${styles.listTable}`}>
              <thead>
                <tr>
                  <th scope="col">Connector</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last message</th>
                  <th scope="col">Errors</th>
                  <th scope="col">Last run</th>
                  <th scope="col" className="num">
                    Dead letters
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {connectors.map((connector) => (
                  <ConnectorRow key={connector.id} connector={connector} timeZone={timeZone} />
                ))}
              </tbody>
            </table>
          </div>
          <LiveNote query={list} />
        </>
      )}
    </section>
  );
}
