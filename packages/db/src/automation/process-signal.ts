import { conditionsHold } from "@gemba/domain/automation/match-rule";
import { automationSignalPayloads, type TAutomationSignalKind } from "@gemba/domain/automation/signals";
import type pg from "pg";
import type { Database } from "../client";
import { withTenantClient } from "../tenant-scope";
import { baseValues, evaluateEvents, labelsOf, loadSignalEvents } from "./evaluate-events";
import { fireRule, type TFireOutcome } from "./fire-rule";
import type { TFiring, TTurnedAway } from "./firing";
import { loadEnabledRules, type TInvalidRule, type TLoadedRule } from "./load-rules";
import type { TFollowUps } from "./rule-actions";
import { SignalContextLoader } from "./signal-context";

/** Tries (jobs and sweeps together) before a failing signal is set aside with its error. */
export const MAX_SIGNAL_ATTEMPTS = 10;

type TSignalRow = {
  id: string;
  kind: string;
  key: string;
  payload: unknown;
  occurredAt: Date;
  processedAt: Date | null;
};

export type TSignalOutcome =
  | { status: "missing" | "done-before" }
  | {
      status: "processed";
      fired: number;
      already: number;
      failedRuns: number;
      turnedAway: TTurnedAway[];
      invalidRules: TInvalidRule[];
      followUps: TFollowUps;
    };

function isSignalKind(kind: string): kind is TAutomationSignalKind {
  return Object.hasOwn(automationSignalPayloads, kind);
}

/** What a signal would fire, read in one tenant transaction (nothing written). */
async function evaluateSignal(
  db: Database,
  tenantId: string,
  signalId: string,
): Promise<
  | { status: "missing" | "done-before" }
  | { status: "evaluated"; firings: TFiring[]; turnedAway: TTurnedAway[]; invalid: TInvalidRule[] }
> {
  return withTenantClient(db.pool, tenantId, async (client) => {
    const { rows } = await client.query<TSignalRow>(
      `SELECT id::text AS id, kind, key, payload, "occurredAt", "processedAt" FROM "AutomationSignal" WHERE id = $1`,
      [signalId],
    );
    const signal = rows[0];
    if (!signal) return { status: "missing" };
    if (signal.processedAt) return { status: "done-before" };
    if (!isSignalKind(signal.kind)) throw new Error(`unknown automation signal kind "${signal.kind}"`);
    const loader = new SignalContextLoader(client);

    if (signal.kind === "events") {
      const payload = automationSignalPayloads.events.parse(signal.payload);
      const { rules, invalid } = await loadEnabledRules(client, ["EVENT", "METRIC_THRESHOLD"]);
      if (rules.length === 0) return { status: "evaluated", firings: [], turnedAway: [], invalid };
      const events = await loadSignalEvents(client, payload.eventIds);
      return { status: "evaluated", ...(await evaluateEvents(client, loader, rules, events)), invalid };
    }

    if (signal.kind === "checklist.failed") {
      const failure = automationSignalPayloads["checklist.failed"].parse(signal.payload);
      const { rules, invalid } = await loadEnabledRules(client, ["CHECKLIST_FAILED"]);
      const watching = rules.filter((rule) => {
        const trigger = rule.definition.trigger;
        return (
          trigger.kind === "CHECKLIST_FAILED" &&
          (trigger.templateIds.length === 0 || trigger.templateIds.includes(failure.templateId))
        );
      });
      const productId = failure.orderId ? await productOfOrder(client, failure.orderId) : undefined;
      const { context, workCenter } = await loader.contextFor({
        workCenterId: failure.workCenterId,
        at: signal.occurredAt.getTime(),
        reasonCode: null,
        ...(productId !== undefined ? { productId } : {}),
      });
      const code = workCenter?.code ?? "(removed work center)";
      const summary = `${code}: "${failure.stepTitle}" failed in ${failure.templateName} (${failure.valueText})`;
      return {
        status: "evaluated",
        invalid,
        ...decide(watching, signal, context, labelsOf(workCenter), (rule) => ({
          rule,
          signalKey: signal.key,
          signalKind: signal.kind,
          workCenterId: failure.workCenterId,
          orderId: failure.orderId,
          triggeredAt: signal.occurredAt,
          summary,
          context,
          values: baseValues(rule, workCenter, {
            checklist: failure.templateName,
            step: failure.stepTitle,
            value: failure.valueText,
          }),
          evidence: { kind: "CHECKLIST_RUN", ref: failure.runId, label: summary.slice(0, 200) },
        })),
      };
    }

    const insight = automationSignalPayloads["insight.created"].parse(signal.payload);
    const { rules, invalid } = await loadEnabledRules(client, ["INSIGHT_CREATED"]);
    const watching = rules.filter((rule) => {
      const trigger = rule.definition.trigger;
      return (
        trigger.kind === "INSIGHT_CREATED" &&
        (trigger.insightKinds.length === 0 || trigger.insightKinds.includes(insight.insightKind))
      );
    });
    const { context, workCenter } = await loader.contextFor({
      workCenterId: insight.workCenterId,
      at: signal.occurredAt.getTime(),
      reasonCode: null,
    });
    const summary = `${workCenter ? `${workCenter.code}: ` : ""}${insight.title}`;
    return {
      status: "evaluated",
      invalid,
      ...decide(watching, signal, context, labelsOf(workCenter), (rule) => ({
        rule,
        signalKey: signal.key,
        signalKind: signal.kind,
        workCenterId: insight.workCenterId,
        orderId: null,
        triggeredAt: signal.occurredAt,
        summary,
        context,
        values: baseValues(rule, workCenter, { insight: insight.title }),
        evidence: { kind: "INSIGHT", ref: insight.insightId, label: insight.title.slice(0, 200) },
      })),
    };
  });
}

function decide(
  rules: readonly TLoadedRule[],
  signal: TSignalRow,
  context: TFiring["context"],
  labels: ReturnType<typeof labelsOf>,
  firingOf: (rule: TLoadedRule) => TFiring,
): { firings: TFiring[]; turnedAway: TTurnedAway[] } {
  const firings: TFiring[] = [];
  const turnedAway: TTurnedAway[] = [];
  for (const rule of rules) {
    const outcome = conditionsHold(rule.definition.conditions, context, labels);
    if (outcome.ok) firings.push(firingOf(rule));
    else turnedAway.push({ ruleId: rule.id, signalKey: signal.key, failed: outcome.failed });
  }
  return { firings, turnedAway };
}

async function productOfOrder(client: pg.ClientBase, orderId: string): Promise<string | null> {
  const { rows } = await client.query<{ productId: string }>(
    `SELECT "productId" FROM "ProductionOrder" WHERE id = $1`,
    [orderId],
  );
  return rows[0]?.productId ?? null;
}

/** Fires what a batch of firings says, collecting what to schedule after the commits. */
export async function fireAll(
  db: Database,
  tenantId: string,
  firings: readonly TFiring[],
  now = new Date(),
): Promise<{ fired: number; already: number; failedRuns: number; followUps: TFollowUps }> {
  const followUps: TFollowUps = { escalations: [], notifications: [] };
  let fired = 0;
  let already = 0;
  let failedRuns = 0;
  for (const firing of firings) {
    const outcome: TFireOutcome = await fireRule(db, tenantId, firing, now);
    followUps.escalations.push(...outcome.followUps.escalations);
    followUps.notifications.push(...outcome.followUps.notifications);
    if (outcome.status === "already") already += 1;
    else {
      fired += 1;
      if (outcome.failed) failedRuns += 1;
    }
  }
  return { fired, already, failedRuns, followUps };
}

/**
 * Processes one signal of the automation outbox: evaluates it against the tenant's enabled rules,
 * fires each match once (see fireRule), then marks the signal processed. Safe to run twice or
 * concurrently (the job and the sweep): a second run finds the runs and fires nothing. A failure
 * is recorded on the signal and rethrown, so the job retries and the sweep tries again later.
 */
export async function processSignal(
  db: Database,
  tenantId: string,
  signalId: string,
  now = () => new Date(),
): Promise<TSignalOutcome> {
  try {
    const evaluated = await evaluateSignal(db, tenantId, signalId);
    if (evaluated.status !== "evaluated") return { status: evaluated.status };
    const outcome = await fireAll(db, tenantId, evaluated.firings, now());
    await withTenantClient(db.pool, tenantId, (client) =>
      client.query(
        `UPDATE "AutomationSignal" SET "processedAt" = $2, attempts = attempts + 1, "lastError" = NULL
          WHERE id = $1 AND "processedAt" IS NULL`,
        [signalId, now()],
      ),
    );
    return {
      status: "processed",
      ...outcome,
      turnedAway: evaluated.turnedAway,
      invalidRules: evaluated.invalid,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A signal that keeps failing is set aside after MAX_SIGNAL_ATTEMPTS, with its error, so it
    // neither blocks the sweep nor retries forever; the rules screen shows lastError.
    await withTenantClient(db.pool, tenantId, (client) =>
      client.query(
        `UPDATE "AutomationSignal" SET attempts = attempts + 1, "lastError" = $2,
                "processedAt" = CASE WHEN attempts + 1 >= $3 THEN now() ELSE NULL END
          WHERE id = $1 AND "processedAt" IS NULL`,
        [signalId, message.slice(0, 1_000), MAX_SIGNAL_ATTEMPTS],
      ),
    ).catch(() => undefined);
    throw error;
  }
}
