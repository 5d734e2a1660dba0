"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { ArrowLeftIcon, SearchIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorCode, apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { ConnectorEditor } from "./connector-editor";
import { hasRuns, runtimeLabels } from "./connector-status";
import styles from "./connectors.module.css";
import { HEALTH_REFRESH_MS } from "./connectors-list";
import { CsvUploadCard } from "./csv-upload/csv-upload-card";
import { DeadLettersPanel } from "./dead-letters-panel";
import { LiveNote } from "./live-note";
import { PauseToggle } from "./pause-toggle";
import { RunsTable } from "./runs-table";
import { StatusBadge } from "./status-badge";
import { StatusPanel } from "./status-panel";
import { SyncNowButton } from "./sync-now-button";
import { useConnectorKinds } from "./use-kinds";
import { WebhookEndpoint } from "./webhook-endpoint";

type TConnectorDetailProps = { connectorId: string; created: boolean };

/** One connector: health, actions, endpoint (webhooks), runs, dead letters and its settings. */
export function ConnectorDetail({ connectorId, created }: TConnectorDetailProps) {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const connector = useQuery(trpc.connectors.get.queryOptions({ connectorId }));
  // Health, last run and dead-letter count come from the list, which refreshes every few seconds.
  const list = useQuery(trpc.connectors.list.queryOptions(undefined, { refetchInterval: HEALTH_REFRESH_MS }));
  const kinds = useConnectorKinds();

  if (connector.isPending) {
    return (
      <div className={styles.detail} aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading connector…
        </span>
        <Skeleton width="320px" height="32px" />
        <Skeleton height="120px" />
        <Skeleton height="320px" />
      </div>
    );
  }
  if (connector.error) {
    return apiErrorCode(connector.error) === "NOT_FOUND" ? (
      <div className="card">
        <EmptyState
          icon={<SearchIcon size={22} />}
          title="This connector does not exist"
          action={
            <Link href="/admin/connectors" className="btn btn-primary">
              All connectors
            </Link>
          }
        >
          It may have been removed, or it belongs to another plant.
        </EmptyState>
      </div>
    ) : (
      <div className={styles.detail}>
        <Alert tone="danger">
          The connector could not be loaded. {apiErrorMessage(connector.error)}{" "}
          <button type="button" className="btn btn-ghost" onClick={() => void connector.refetch()}>
            Try again
          </button>
        </Alert>
      </div>
    );
  }

  const data = connector.data;
  const summary = list.data?.find((entry) => entry.id === connectorId) ?? null;
  // The list is fresher (every 5 s); the connector's own read is the fallback until it arrives.
  const state = summary ?? { enabled: data.enabled, runtime: data.runtime, health: data.health };
  const kind = kinds.data?.find((entry) => entry.kind === data.kind);
  const name = summary?.name ?? data.name;

  return (
    <div className={styles.detail}>
      <header className={styles.detailHeader}>
        <Link href="/admin/connectors" className={styles.back}>
          <ArrowLeftIcon /> All connectors
        </Link>
        <div className={styles.detailTitleRow}>
          <div className={styles.detailTitle}>
            <h2>{name}</h2>
            <StatusBadge connector={state} />
          </div>
          <div className="page-actions">
            {data.runtime === "poll" ? <SyncNowButton connectorId={connectorId} enabled={state.enabled} /> : null}
            <PauseToggle connectorId={connectorId} name={name} enabled={state.enabled} />
          </div>
        </div>
        <p className="muted">
          {data.kindLabel} · {runtimeLabels[data.runtime]}
        </p>
      </header>

      {created ? (
        <Alert tone="success">
          <strong>Connector created.</strong>{" "}
          {data.kind === "CSV_UPLOAD"
            ? "Upload its first file below."
            : data.runtime === "push"
              ? "It accepts deliveries as soon as the sender is set up."
              : "The worker starts it within a few seconds; its status updates below."}
        </Alert>
      ) : null}

      <StatusPanel kind={data.kind} connector={state} summary={summary} timeZone={timeZone} />
      <LiveNote query={list} />

      {data.kind === "WEBHOOK" && kind ? (
        <WebhookEndpoint connectorId={connectorId} description={kind.description} />
      ) : null}
      {data.kind === "CSV_UPLOAD" ? (
        <CsvUploadCard connectorId={connectorId} config={data.config} enabled={state.enabled} />
      ) : null}
      {hasRuns(data.kind, data.runtime) ? <RunsTable connectorId={connectorId} /> : null}
      <DeadLettersPanel
        connectorId={connectorId}
        title="Dead letters"
        description="What this connector received but could not turn into events, with the reason."
      />

      {kind ? (
        <ConnectorEditor key={data.id} kind={kind} connector={data} />
      ) : kinds.error ? (
        <Alert tone="danger">The settings form could not be loaded. {apiErrorMessage(kinds.error)}</Alert>
      ) : kinds.data ? (
        <Alert tone="warning">This server has no settings form for {data.kindLabel} connectors.</Alert>
      ) : (
        <Skeleton height="320px" />
      )}
    </div>
  );
}
