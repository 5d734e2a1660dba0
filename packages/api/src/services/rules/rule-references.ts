import type { Tx } from "@gemba/db/tenant-scope";
import type { TRuleLabels } from "@gemba/domain/automation/dry-run-text";
import type { TRuleDefinition } from "@gemba/domain/automation/rule-definition";
import { AppError } from "@gemba/domain/errors";

/** The plant things a rule names by id, gathered so one query per kind finds their names. */
export type TRuleReferences = {
  workCenterIds: Set<string>;
  lineIds: Set<string>;
  productIds: Set<string>;
  templateIds: Set<string>;
  endpointIds: Set<string>;
  decisionIds: Set<string>;
};

export function emptyReferences(): TRuleReferences {
  return {
    workCenterIds: new Set(),
    lineIds: new Set(),
    productIds: new Set(),
    templateIds: new Set(),
    endpointIds: new Set(),
    decisionIds: new Set(),
  };
}

export function addReferences(into: TRuleReferences, definition: TRuleDefinition): TRuleReferences {
  const { trigger, conditions, actions } = definition;
  for (const id of conditions.workCenterIds) into.workCenterIds.add(id);
  for (const id of conditions.lineIds) into.lineIds.add(id);
  for (const id of conditions.productIds) into.productIds.add(id);
  if (trigger.kind === "CHECKLIST_FAILED") for (const id of trigger.templateIds) into.templateIds.add(id);
  for (const action of actions) {
    if (action.kind === "START_CHECKLIST") into.templateIds.add(action.templateId);
    if (action.kind === "WEBHOOK") into.endpointIds.add(action.endpointId);
    if (action.kind === "ATTACH_TO_DECISION") into.decisionIds.add(action.decisionId);
  }
  return into;
}

export type TLoadedLabels = Required<TRuleLabels>;

/**
 * Names for the referenced ids (work centers by code, the way the floor names them) and every
 * reason label. Row-level security keeps this to the tenant: another tenant's id finds no name.
 */
export async function loadRuleLabels(tx: Tx, references: TRuleReferences): Promise<TLoadedLabels> {
  const ids = (set: Set<string>) => ({ in: [...set] });
  const [workCenters, lines, products, templates, endpoints, decisions, reasons] = await Promise.all([
    tx.workCenter.findMany({ where: { id: ids(references.workCenterIds) }, select: { id: true, code: true } }),
    tx.line.findMany({ where: { id: ids(references.lineIds) }, select: { id: true, name: true } }),
    tx.product.findMany({ where: { id: ids(references.productIds) }, select: { id: true, name: true } }),
    tx.checklistTemplate.findMany({ where: { id: ids(references.templateIds) }, select: { id: true, name: true } }),
    tx.webhookEndpoint.findMany({ where: { id: ids(references.endpointIds) }, select: { id: true, name: true } }),
    tx.decision.findMany({ where: { id: ids(references.decisionIds) }, select: { id: true, title: true } }),
    tx.reasonCode.findMany({ select: { code: true, label: true } }),
  ]);
  return {
    workCenters: Object.fromEntries(workCenters.map((row) => [row.id, row.code])),
    lines: Object.fromEntries(lines.map((row) => [row.id, row.name])),
    products: Object.fromEntries(products.map((row) => [row.id, row.name])),
    checklistTemplates: Object.fromEntries(templates.map((row) => [row.id, row.name])),
    webhookEndpoints: Object.fromEntries(endpoints.map((row) => [row.id, row.name])),
    decisions: Object.fromEntries(decisions.map((row) => [row.id, row.title])),
    reasons: Object.fromEntries(reasons.map((row) => [row.code, row.label])),
  };
}

/**
 * A rule may only name things of its own plant that still exist. The message says where and what
 * to do, and never echoes the ids (they may be another tenant's).
 */
export async function loadLabelsOrThrow(tx: Tx, definition: TRuleDefinition): Promise<TLoadedLabels> {
  const references = addReferences(emptyReferences(), definition);
  const labels = await loadRuleLabels(tx, references);
  const checks: [Set<string>, Record<string, string>, string][] = [
    [references.workCenterIds, labels.workCenters, "Only if → work centers"],
    [references.lineIds, labels.lines, "Only if → lines"],
    [references.productIds, labels.products, "Only if → products"],
    [references.templateIds, labels.checklistTemplates, "Checklist"],
    [references.endpointIds, labels.webhookEndpoints, "Then → webhook endpoint"],
    [references.decisionIds, labels.decisions, "Then → decision"],
  ];
  for (const [wanted, found, where] of checks) {
    const missing = [...wanted].filter((id) => found[id] === undefined).length;
    if (missing > 0) {
      const what = missing === 1 ? "one of the choices is" : `${missing} of the choices are`;
      throw new AppError("BAD_REQUEST", `${where}: ${what} not in this plant any more. Pick them again from the list.`);
    }
  }
  return labels;
}
