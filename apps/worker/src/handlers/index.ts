import { connectorPoll } from "./connector-poll";
import { ingestBatch } from "./ingest-batch";
import { pruneConnectorRuns } from "./prune-connector-runs";
import { purgeAuthRecords } from "./purge-auth-records";
import type { HandlerMap } from "./types";

export const handlers: HandlerMap = {
  "maintenance.purge-auth-records": purgeAuthRecords,
  "ingest.batch": ingestBatch,
  "connector.poll": connectorPoll,
  "maintenance.prune-connector-runs": pruneConnectorRuns,
};
