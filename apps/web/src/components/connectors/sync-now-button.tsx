"use client";

import { useMutation } from "@tanstack/react-query";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { RefreshIcon } from "./icons";
import { useRefreshConnectors } from "./use-connector-cache";

/** One poll outside the schedule; it waits if a poll is already running. */
export function SyncNowButton({ connectorId, enabled }: { connectorId: string; enabled: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshConnectors();
  const sync = useMutation(trpc.connectors.syncNow.mutationOptions({ onSuccess: refresh }));
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={sync.isPending || !enabled}
        title={enabled ? "Poll the source now instead of waiting for the schedule" : "Resume the connector to sync"}
        onClick={() => sync.mutate({ connectorId })}
      >
        <RefreshIcon />
        {sync.isPending ? "Requesting…" : "Sync now"}
      </button>
      {sync.isSuccess ? (
        <span className="subtle" role="status">
          Sync requested; it shows under Recent runs.
        </span>
      ) : null}
      {sync.error ? (
        <span className="field-error" role="alert">
          {apiErrorMessage(sync.error)}
        </span>
      ) : null}
    </>
  );
}
