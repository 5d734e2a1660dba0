"use client";

import { useMutation } from "@tanstack/react-query";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { PauseIcon, PlayIcon } from "./icons";
import { useRefreshConnectors } from "./use-connector-cache";

type TPauseToggleProps = { connectorId: string; name: string; enabled: boolean };

/** Pause keeps configuration and history but stops receiving; resume picks up again within seconds. */
export function PauseToggle({ connectorId, name, enabled }: TPauseToggleProps) {
  const trpc = useTRPC();
  const refresh = useRefreshConnectors();
  const setEnabled = useMutation(trpc.connectors.setEnabled.mutationOptions({ onSuccess: refresh }));
  const label = setEnabled.isPending
    ? setEnabled.variables.enabled
      ? "Resuming…"
      : "Pausing…"
    : enabled
      ? "Pause"
      : "Resume";
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={setEnabled.isPending}
        title={enabled ? "Stop receiving data; settings and history stay" : "Start receiving data again"}
        onClick={() => setEnabled.mutate({ connectorId, enabled: !enabled })}
      >
        {enabled ? <PauseIcon /> : <PlayIcon />}
        {label}
        <span className="visually-hidden"> {name}</span>
      </button>
      {setEnabled.error ? (
        <span className="field-error" role="alert">
          {apiErrorMessage(setEnabled.error)}
        </span>
      ) : null}
    </>
  );
}
