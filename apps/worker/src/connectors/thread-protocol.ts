import type { TConnectorContext, TConnectorStatus, TRejectedInputReport } from "@gemba/connectors/framework/definition";
import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";

/** What the supervisor hands a connector thread when it starts it. */
export type TThreadStart = {
  kind: string;
  context: TConnectorContext<unknown, unknown>;
  /** Module exporting `connectorDefinition(kind)`; tests point it at their own definitions. */
  definitionsModule: string;
};

/** Thread → supervisor. */
export type TThreadMessage =
  | { type: "started" }
  | { type: "events"; events: TCanonicalEvent[] }
  | { type: "rejected"; input: TRejectedInputReport }
  | { type: "status"; status: TConnectorStatus; detail?: string }
  | { type: "error"; message: string }
  | { type: "stopped" };

/** Supervisor → thread. */
export type TThreadCommand = { type: "stop" };
