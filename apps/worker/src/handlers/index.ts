import { automationDeliver } from "./automation-deliver";
import { automationEscalate } from "./automation-escalate";
import { automationSignal } from "./automation-signal";
import { automationStateDue } from "./automation-state-due";
import { connectorPoll } from "./connector-poll";
import { executionRefresh } from "./execution-refresh";
import { executionTick } from "./execution-tick";
import { handoverDraftDue } from "./handover-draft-due";
import { ingestBatch } from "./ingest-batch";
import { insightsDetect } from "./insights-detect";
import { insightsScan } from "./insights-scan";
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
  "automation.signal": automationSignal,
  "automation.state-due": automationStateDue,
  "automation.escalate": automationEscalate,
  "automation.deliver": automationDeliver,
  "handover.draft-due": handoverDraftDue,
  "insights.scan": insightsScan,
  "insights.detect": insightsDetect,
};
