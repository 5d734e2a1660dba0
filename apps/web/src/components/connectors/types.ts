import type { TConnectorHealth } from "@gemba/connectors/framework/health";
import type { TRouterOutputs } from "~/lib/api-types";

export type TConnectorKindInfo = TRouterOutputs["connectors"]["kinds"][number];
export type TConnectorSummary = TRouterOutputs["connectors"]["list"][number];
export type TConnectorDetail = TRouterOutputs["connectors"]["get"];
export type TConnectorRun = TRouterOutputs["connectors"]["runs"][number];
export type TDeadLetter = TRouterOutputs["connectors"]["deadLetters"]["letters"][number];
export type TRuntime = TConnectorKindInfo["runtime"];
export type THealth = TConnectorHealth;

/** What the status badge, the list row and the status panel need of a connector. */
export type TConnectorState = {
  enabled: boolean;
  runtime: TRuntime;
  health: THealth | null;
};
