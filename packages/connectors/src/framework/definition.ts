import type { Tx } from "@gemba/db/tenant-scope";
import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import type { z } from "zod";

/**
 * The contract every connector kind implements. A definition is data plus functions, free of
 * any runtime: the worker supervises streams and schedules polls, the web app renders the
 * config form from `configSchema` and calls `test()` for the "Test connection" button.
 *
 * Config schemas must stay renderable as a form (`z.toJSONSchema`): objects, strings, numbers,
 * booleans, enums, arrays of objects and discriminated unions. Annotate fields with
 * `.meta({ title, description })`; a work-center reference with `.meta({ widget: "workCenter" })`.
 * Secrets (passwords, tokens, webhook secrets) never go in the config: they live in
 * `secretsSchema`, are sealed with AES-256-GCM at rest and never leave the server.
 */
export type TConnectorKind = "MQTT_SPARKPLUG" | "OPCUA" | "MTCONNECT" | "ERP_ODATA" | "CSV_UPLOAD" | "WEBHOOK";

/** What the admin sees after "Test connection": one sentence, then the facts behind it. */
export type TConnectionTestResult = { ok: boolean; summary: string; details: string[] };

export type TRejectedInputReport = {
  stage: "decode" | "mapping" | "validation";
  reason: string;
  /** The input as received (JSON-serialisable), so it can be retried once the mapping is fixed. */
  payload: unknown;
};

export type TConnectorStatus = "connecting" | "connected" | "reconnecting" | "disconnected";

/** Where a running connector reports; the runtime batches, enqueues and keeps health. Never throws. */
export type TConnectorOutput = {
  events: (events: readonly TCanonicalEvent[]) => void;
  rejected: (input: TRejectedInputReport) => void;
  status: (status: TConnectorStatus, detail?: string) => void;
  /** A problem the connector recovered from (or will retry); counted and shown as the last error. */
  error: (message: string) => void;
};

export type TConnectorContext<TConfig, TSecrets> = {
  tenantId: string;
  connectorId: string;
  /** Source id of every event the connector emits (its dedupe keys are unique per source). */
  sourceId: string;
  config: TConfig;
  secrets: TSecrets;
};

/** A connector that holds a connection open (MQTT, OPC UA): reconnects and re-subscribes by itself. */
export type TStreamingConnector = {
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

/** Items are canonical-event shaped (validated again by ingest, like any connector output). */
export type TConfigReplayResult = { items: unknown[]; rejected: TRejectedInputReport[] };

export type TPollResult<TCursor> = {
  events: TCanonicalEvent[];
  rejected: TRejectedInputReport[];
  /** Persisted after the events are safely queued; the next poll starts here. */
  cursor: TCursor;
  /** Counters for the run history, e.g. { read, created, updated, unchanged }. */
  counts: Record<string, number>;
  /** One line for the run history ("12 orders read, 2 changed"). */
  message: string;
};

export type TPollContext<TConfig, TSecrets, TCursor> = TConnectorContext<TConfig, TSecrets> & {
  cursor: TCursor | null;
  signal: AbortSignal;
  /** One transaction in the connector's tenant (row-level security applies), for sources that keep master data (ERP). */
  inTenant: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
};

export type TConnectorDefinition<TConfig, TSecrets, TCursor = unknown> = {
  kind: TConnectorKind;
  label: string;
  description: string;
  configSchema: z.ZodType<TConfig>;
  secretsSchema: z.ZodType<TSecrets>;
  /** A config that works against the demo plant simulator / a sensible starting point for the form. */
  exampleConfig: TConfig;
  test: (context: TConnectorContext<TConfig, TSecrets>, signal: AbortSignal) => Promise<TConnectionTestResult>;
  /** Exactly one of the runtimes below, or neither for push/upload connectors (webhook, CSV). */
  stream?: (context: TConnectorContext<TConfig, TSecrets>, output: TConnectorOutput) => TStreamingConnector;
  /**
   * Maps a dead-lettered input of this connector again with the current configuration (the
   * admin fixed the mapping, then pressed Retry). Without it, a retry resubmits the stored
   * item unchanged, which suits items that were already canonical events.
   */
  replay?: (
    context: TConnectorContext<TConfig, TSecrets>,
    payload: unknown,
    letter: { receivedAt: Date },
  ) => TConfigReplayResult;
  poll?: {
    intervalMs: (config: TConfig) => number;
    run: (context: TPollContext<TConfig, TSecrets, TCursor>) => Promise<TPollResult<TCursor>>;
  };
};

/** Erases the type parameters so definitions of different kinds fit in one registry. */
// biome-ignore lint/suspicious/noExplicitAny: the registry validates config and secrets with each schema before use
export type TAnyConnectorDefinition = TConnectorDefinition<any, any, any>;
