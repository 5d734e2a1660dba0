import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Prisma } from "@gemba/db/client";
import { describeConditions, describeTrigger } from "@gemba/domain/automation/dry-run-text";
import type { TRuleDefinition } from "@gemba/domain/automation/rule-definition";
import { AppError } from "@gemba/domain/errors";
import type { TenantActor } from "../scope";
import type { TCreateRuleInput, TUpdateRuleInput } from "./rule-inputs";
import { loadLabelsOrThrow } from "./rule-references";
import { findRuleOrThrow, readDefinition, ruleSelect, viewRule } from "./rule-view";

/** "Down longer than 10 min · at PRS-201 → 1 action" for audit summaries. */
function describeRule(definition: TRuleDefinition, labels: Parameters<typeof describeTrigger>[1]): string {
  const conditions = describeConditions(definition.conditions, labels);
  const count = definition.actions.length;
  return `${describeTrigger(definition.trigger, labels)}${conditions ? ` · ${conditions}` : ""} → ${count} action${count === 1 ? "" : "s"}`;
}

const asJson = (definition: TRuleDefinition) => definition as unknown as Prisma.InputJsonValue;

export async function createRule(actor: TenantActor, input: TCreateRuleInput) {
  const { tx, tenantId } = actor;
  const labels = await loadLabelsOrThrow(tx, input.definition);
  const row = await tx.rule.create({
    data: {
      tenantId,
      name: input.name,
      description: input.description,
      enabled: input.enabled,
      triggerKind: input.definition.trigger.kind,
      definition: asJson(input.definition),
      createdById: actor.userId,
    },
    select: ruleSelect,
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "rule.create",
    entityType: "Rule",
    entityId: row.id,
    summary: `Created rule "${row.name}"${row.enabled ? "" : " (disabled)"}: ${describeRule(input.definition, labels)}`,
    after: { name: row.name, enabled: row.enabled, definition: asJson(input.definition) },
  });
  return viewRule(row, labels);
}

/** Every edit bumps the version; runs keep the version they fired with. */
export async function updateRule(actor: TenantActor, input: TUpdateRuleInput) {
  const { tx, tenantId } = actor;
  const before = await findRuleOrThrow(tx, input.ruleId);
  if (before.version !== input.expectedVersion) {
    throw new AppError(
      "CONFLICT",
      `Someone saved this rule since you opened it (it is at version ${before.version}, you edited version ${input.expectedVersion}). Reload it and make your change again.`,
    );
  }
  const labels = await loadLabelsOrThrow(tx, input.definition);
  const row = await tx.rule.update({
    where: { tenantId_id: { tenantId, id: before.id } },
    data: {
      name: input.name,
      description: input.description,
      triggerKind: input.definition.trigger.kind,
      definition: asJson(input.definition),
      version: { increment: 1 },
      updatedAt: new Date(),
    },
    select: ruleSelect,
  });
  const renamed = before.name === row.name ? "" : ` (was "${before.name}")`;
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "rule.update",
    entityType: "Rule",
    entityId: row.id,
    summary: `Changed rule "${row.name}"${renamed} to version ${row.version}: ${describeRule(input.definition, labels)}`,
    before: { name: before.name, version: before.version, definition: before.definition as Prisma.InputJsonValue },
    after: { name: row.name, version: row.version, definition: asJson(input.definition) },
  });
  return viewRule(row, labels);
}

export async function setRuleEnabled(actor: TenantActor, input: { ruleId: string; enabled: boolean }) {
  const { tx, tenantId } = actor;
  const before = await findRuleOrThrow(tx, input.ruleId);
  if (input.enabled && readDefinition(before.definition).problem) {
    throw new AppError("BAD_REQUEST", "This rule needs fixing before it can be enabled: open it, correct it and save.");
  }
  if (before.enabled === input.enabled) return { id: before.id, enabled: before.enabled };
  await tx.rule.update({
    where: { tenantId_id: { tenantId, id: before.id } },
    data: { enabled: input.enabled, updatedAt: new Date() },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: input.enabled ? "rule.enable" : "rule.disable",
    entityType: "Rule",
    entityId: before.id,
    summary: input.enabled
      ? `Enabled rule "${before.name}": it acts on new signals from now on`
      : `Disabled rule "${before.name}": it no longer acts; open tasks it created stay`,
    before: { enabled: before.enabled },
    after: { enabled: input.enabled },
  });
  return { id: before.id, enabled: input.enabled };
}

/**
 * Deleting removes the rule and its run history (the tasks, checklists and notifications it
 * created stay). The audit entry keeps the full definition, so what it did can still be read.
 */
export async function deleteRule(actor: TenantActor, input: { ruleId: string }) {
  const { tx, tenantId } = actor;
  const before = await findRuleOrThrow(tx, input.ruleId);
  const runs = await tx.ruleRun.count({ where: { ruleId: before.id } });
  await tx.rule.delete({ where: { tenantId_id: { tenantId, id: before.id } }, select: { id: true } });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "rule.delete",
    entityType: "Rule",
    entityId: before.id,
    summary: `Deleted rule "${before.name}" (version ${before.version}) and its ${runs} run${runs === 1 ? "" : "s"}`,
    before: {
      name: before.name,
      enabled: before.enabled,
      version: before.version,
      definition: before.definition as Prisma.InputJsonValue,
    },
  });
  return { id: before.id, deletedRuns: runs };
}
