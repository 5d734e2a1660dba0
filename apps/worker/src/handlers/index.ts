import { connectorPoll } from "./connector-poll";
import { executionRefresh } from "./execution-refresh";
import { executionTick } from "./execution-tick";
import { ingestBatch } from "./ingest-batch";
import { pruneConnectorRuns } from "./prune-connector-runs";
import { purgeAuthRecords } from "./purge-auth-records";
import type { HandlerMap } from "./types";

export const handlers: HandlerMap = {
  "maintenance.purge-auth-records": purgeAuthRecords,
  "ingest.batch": ingestBatch,
  "connector.poll": connectorPoll,
  "execution.refresh": executionRefresh,
  "execution.tick": executionTick,
  "maintenance.prune-connector-runs": pruneConnectorRuns,
};
