import { runDryRun } from "@gemba/domain/automation/dry-run";
import type { TenantActor } from "../scope";
import { loadDryRunHistory } from "./load-dry-run-history";
import type { TDryRunInput } from "./rule-inputs";
import { loadLabelsOrThrow } from "./rule-references";
import { findRuleOrThrow } from "./rule-view";

/**
 * What a rule as drafted in the editor would have done over the last 24 hours, before it is
 * saved. Reads only; nothing is created, sent or recorded. For a saved rule, its real runs in the
 * same window are counted beside it, so an edit's effect is visible.
 */
export async function dryRunRule(actor: TenantActor, input: TDryRunInput, now = Date.now()) {
  const { tx, tenantId } = actor;
  const rule = input.ruleId ? await findRuleOrThrow(tx, input.ruleId) : null;
  const labels = await loadLabelsOrThrow(tx, input.definition);
  const ruleName = input.name || rule?.name || "New rule";
  const history = await loadDryRunHistory(tx, tenantId, input.definition, { now, ruleName, labels });
  const result = runDryRun(input.definition, history);
  const actualRuns = rule
    ? await tx.ruleRun.count({ where: { ruleId: rule.id, triggeredAt: { gt: new Date(history.from) } } })
    : null;
  return { ...result, capped: history.capped, scanned: history.scanned, actualRuns };
}

export type TDryRunOutput = Awaited<ReturnType<typeof dryRunRule>>;
