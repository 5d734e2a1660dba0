import { describeWeekdays, formatMinutes } from "../calendar/calendar-text";
import { roleLabels } from "../roles";
import { renderTemplate } from "./match-rule";
import type { TRuleAction, TRuleConditions, TRuleTrigger } from "./rule-definition";

/**
 * Rules in words: the list's "When" column, the dry run's rendered actions and the audit summaries
 * all describe a rule the same way, with names instead of ids.
 */

/** Names for the ids a rule may refer to; a missing name shows as "(removed)". */
export type TRuleLabels = {
  workCenters?: Readonly<Record<string, string>>;
  lines?: Readonly<Record<string, string>>;
  products?: Readonly<Record<string, string>>;
  reasons?: Readonly<Record<string, string>>;
  checklistTemplates?: Readonly<Record<string, string>>;
  webhookEndpoints?: Readonly<Record<string, string>>;
  decisions?: Readonly<Record<string, string>>;
};

export const STATE_WORDS: Record<string, string> = {
  RUNNING: "Running",
  IDLE: "Idle",
  DOWN: "Down",
  PLANNED_STOP: "Planned stop",
  NO_SHIFT: "No shift",
  UNKNOWN: "No signal",
};

const PRIORITY_WORDS = { LOW: "low priority", NORMAL: "", HIGH: "high priority", URGENT: "urgent" } as const;

const ANDON = { path: "type", equals: "ANDON_CALLED" } as const;

function nameOf(labels: Readonly<Record<string, string>> | undefined, id: string): string {
  return labels?.[id] ?? "(removed)";
}

function names(labels: Readonly<Record<string, string>> | undefined, ids: readonly string[]): string {
  return ids.map((id) => nameOf(labels, id)).join(", ");
}

/** The andon button: an operator.activity event whose type is ANDON_CALLED, and nothing else. */
export function isAndonTrigger(trigger: TRuleTrigger): boolean {
  if (trigger.kind !== "EVENT") return false;
  const [match] = trigger.payloadMatches;
  return (
    trigger.eventKinds.length === 1 &&
    trigger.eventKinds[0] === "operator.activity" &&
    trigger.payloadMatches.length === 1 &&
    match?.path === ANDON.path &&
    match.equals === ANDON.equals
  );
}

/** "Down longer than 10 min", "Andon is called", "Every Mon–Fri at 06:00". */
export function describeTrigger(trigger: TRuleTrigger, labels: TRuleLabels = {}): string {
  switch (trigger.kind) {
    case "EVENT": {
      if (isAndonTrigger(trigger)) return "Andon is called";
      const matches = trigger.payloadMatches.map((match) => `${match.path} = ${String(match.equals)}`);
      const where = matches.length > 0 ? ` where ${matches.join(" and ")}` : "";
      return `Event ${trigger.eventKinds.join(" or ")}${where}`;
    }
    case "STATE_DURATION": {
      const state = STATE_WORDS[trigger.state] ?? trigger.state;
      const unclassified = trigger.unclassifiedOnly ? " with no reason given" : "";
      return `${state} longer than ${formatMinutes(trigger.minutes)}${unclassified}`;
    }
    case "METRIC_THRESHOLD":
      return `${trigger.tag} ${trigger.direction === "ABOVE" ? "rises above" : "falls below"} ${trigger.threshold}`;
    case "SCHEDULE":
      return `${describeWeekdays(trigger.weekdays)} at ${[...trigger.times].sort().join(", ")}`;
    case "INSIGHT_CREATED":
      return trigger.insightKinds.length > 0 ? `A new ${trigger.insightKinds.join(" or ")} insight` : "Any new insight";
    case "CHECKLIST_FAILED":
      return trigger.templateIds.length > 0
        ? `A step fails in ${names(labels.checklistTemplates, trigger.templateIds)}`
        : "A step fails in any checklist";
  }
}

/** "at PRS-201 · Early shift · 06:00–14:00 Mon–Fri", or "" when the rule has no conditions. */
export function describeConditions(conditions: TRuleConditions, labels: TRuleLabels = {}): string {
  const parts: string[] = [];
  if (conditions.workCenterIds.length > 0) parts.push(`at ${names(labels.workCenters, conditions.workCenterIds)}`);
  if (conditions.lineIds.length > 0) parts.push(`on ${names(labels.lines, conditions.lineIds)}`);
  if (conditions.shiftNames.length > 0) parts.push(`in shift ${conditions.shiftNames.join(", ")}`);
  if (conditions.productIds.length > 0) parts.push(`making ${names(labels.products, conditions.productIds)}`);
  if (conditions.reasonCodes.length > 0) {
    parts.push(`reason ${conditions.reasonCodes.map((code) => labels.reasons?.[code] ?? code).join(", ")}`);
  }
  const window = conditions.timeWindow;
  if (window) {
    const days = window.weekdays.length > 0 ? ` ${describeWeekdays(window.weekdays)}` : "";
    parts.push(`${window.from}–${window.to}${days}`);
  }
  return parts.join(" · ");
}

export type TTemplateValues = Record<string, string | number | null | undefined>;

/**
 * What an action would do, with its texts filled: "Task for Manager: PRS-201 down for 10 min ·
 * urgent · due in 30 min · then Admin after 15 min".
 */
export function describeAction(action: TRuleAction, values: TTemplateValues, labels: TRuleLabels = {}): string {
  switch (action.kind) {
    case "CREATE_TASK": {
      const extras = [
        PRIORITY_WORDS[action.priority],
        action.dueInMinutes === null ? "" : `due in ${formatMinutes(action.dueInMinutes)}`,
        ...action.escalation.map((step) => `then ${roleLabels[step.role]} after ${formatMinutes(step.afterMinutes)}`),
      ].filter((part) => part !== "");
      const title = renderTemplate(action.title, values);
      return [`Task for ${roleLabels[action.assigneeRole]}: ${title}`, ...extras].join(" · ");
    }
    case "EMAIL": {
      const to = [...action.to, ...action.toRoles.map((role) => `every ${roleLabels[role]}`)].join(", ");
      return `E-mail to ${to}: ${renderTemplate(action.subject, values)}`;
    }
    case "WEBHOOK":
      return `Webhook to ${nameOf(labels.webhookEndpoints, action.endpointId)}`;
    case "START_CHECKLIST": {
      const where = values.workCenter ? ` at ${values.workCenter}` : "";
      return `Start checklist ${nameOf(labels.checklistTemplates, action.templateId)}${where}`;
    }
    case "ATTACH_TO_DECISION":
      return `Attach the evidence to decision "${nameOf(labels.decisions, action.decisionId)}"`;
  }
}
