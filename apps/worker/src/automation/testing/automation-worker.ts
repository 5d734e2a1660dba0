import { forgetCachedRules } from "@gemba/db/automation/load-rules";
import type { Database } from "@gemba/db/client";
import { withTenant } from "@gemba/db/tenant-scope";
import { testEnv } from "@gemba/db/testing/test-env";
import { type TRuleDefinitionInput, ZRuleDefinition } from "@gemba/domain/automation/rule-definition";
import { Redis } from "ioredis";
import pino from "pino";
import { startWorker, type WorkerOptions } from "../../start-worker";
import { removeQueueKeys, type TestWorker, uniqueQueuePrefix } from "../../testing/test-worker";

/** An in-process worker with automation settings of the test's choosing (no timer sweep unless asked). */
export async function startAutomationTestWorker(
  db: Database,
  options: Pick<WorkerOptions, "automation" | "secretsKey" | "queues"> = {},
): Promise<TestWorker> {
  const prefix = uniqueQueuePrefix();
  const connection = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const worker = await startWorker({
    db,
    connection,
    log: pino({ level: "silent" }),
    concurrency: 2,
    prefix,
    registerSchedules: false,
    ...options,
    automation: { sweepIntervalMs: 0, ...options.automation },
  });
  return {
    worker,
    connection,
    prefix,
    stop: async () => {
      await worker.stop();
      await removeQueueKeys(connection, prefix);
      connection.disconnect();
    },
  };
}

/** Stores an enabled rule as the rules API would (validated definition, trigger kind copied out). */
export async function createRule(
  db: Database,
  tenantId: string,
  name: string,
  input: TRuleDefinitionInput,
): Promise<string> {
  const definition = ZRuleDefinition.parse(input);
  const rule = await withTenant(db.prisma, tenantId, (tx) =>
    tx.rule.create({
      data: { tenantId, name, triggerKind: definition.trigger.kind, definition },
      select: { id: true },
    }),
  );
  // The ingest path caches rule kinds for a few seconds; tests want the new rule at once.
  forgetCachedRules();
  return rule.id;
}

/** An andon pull at a work center, as the tablet sends it. */
export function andonEvent(workCenterId: string, dedupeKey: string, at = new Date()) {
  return {
    kind: "operator.activity",
    workCenterId,
    eventTime: at.toISOString(),
    dedupeKey,
    payload: { type: "ANDON_CALLED", note: "Help needed" },
  };
}

export const ANDON_TRIGGER: TRuleDefinitionInput["trigger"] = {
  kind: "EVENT",
  eventKinds: ["operator.activity"],
  payloadMatches: [{ path: "type", equals: "ANDON_CALLED" }],
};
