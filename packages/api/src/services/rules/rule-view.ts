import type { Tx } from "@gemba/db/tenant-scope";
import { describeConditions, describeTrigger, type TRuleLabels } from "@gemba/domain/automation/dry-run-text";
import { type TRuleDefinition, ZRuleDefinition } from "@gemba/domain/automation/rule-definition";
import { AppError } from "@gemba/domain/errors";
import { addReferences, emptyReferences, loadRuleLabels } from "./rule-references";

export const ruleSelect = {
  id: true,
  name: true,
  description: true,
  enabled: true,
  triggerKind: true,
  definition: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type TRuleRow = {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  triggerKind: string;
  definition: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A stored definition, checked: one that no longer fits the schema is shown with the reason, never acted on. */
export function readDefinition(
  stored: unknown,
): { definition: TRuleDefinition; problem: null } | { definition: null; problem: string } {
  const parsed = ZRuleDefinition.safeParse(stored);
  if (parsed.success) return { definition: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  return {
    definition: null,
    problem: `The stored rule no longer fits the rule format (${issue?.path.join(".") || "rule"}: ${issue?.message ?? "invalid"}). Edit and save it again.`,
  };
}

export function viewRule(row: TRuleRow, labels: TRuleLabels) {
  const { definition, problem } = readDefinition(row.definition);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    triggerKind: row.triggerKind,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    definition,
    problem,
    /** "Down longer than 10 min", in the plant's names. */
    triggerSummary: definition ? describeTrigger(definition.trigger, labels) : "Rule needs fixing",
    conditionsSummary: definition ? describeConditions(definition.conditions, labels) : "",
  };
}

export type TRuleView = ReturnType<typeof viewRule>;

export async function findRuleOrThrow(tx: Tx, ruleId: string): Promise<TRuleRow> {
  const rule = await tx.rule.findFirst({ where: { id: ruleId }, select: ruleSelect });
  if (!rule) throw new AppError("NOT_FOUND", "This rule does not exist any more. Go back to the rules list.");
  return rule;
}

/** One rule with names for everything it refers to. */
export async function getRule(tx: Tx, ruleId: string) {
  const row = await findRuleOrThrow(tx, ruleId);
  const { definition } = readDefinition(row.definition);
  const labels = await loadRuleLabels(
    tx,
    definition ? addReferences(emptyReferences(), definition) : emptyReferences(),
  );
  return { ...viewRule(row, labels), labels };
}
