import { isAndonTrigger } from "@gemba/domain/automation/dry-run-text";
import type {
  TRuleAction,
  TRuleActionKind,
  TRuleDefinition,
  TRuleDefinitionInput,
  TRuleTrigger,
} from "@gemba/domain/automation/rule-definition";
import type { TRole } from "@gemba/domain/roles";

/**
 * The rule editor's form state and its conversion to and from a rule definition. Numbers are kept
 * as typed text until saving, so a half-typed value is never silently turned into something else;
 * `definitionFromDraft` checks what the form can check and names the field for each problem.
 */

/** "ANDON" is an EVENT trigger preset the editor offers as a choice of its own. */
export type TWhen = "ANDON" | TRuleTrigger["kind"];

export type TEscalationDraft = { key: string; role: TRole; afterMinutes: string };

export type TActionDraft = {
  key: string;
  kind: TRuleActionKind;
  title: string;
  detail: string;
  assigneeRole: TRole;
  priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
  dueInMinutes: string;
  escalation: TEscalationDraft[];
  /** Addresses separated by commas or new lines. */
  to: string;
  toRoles: TRole[];
  subject: string;
  body: string;
  endpointId: string;
  templateId: string;
  decisionId: string;
};

export type TRuleDraft = {
  name: string;
  description: string;
  when: TWhen;
  eventKinds: string[];
  /** EVENT on operator.activity: only this activity type ("" for any). */
  activityType: string;
  state: string;
  minutes: string;
  unclassifiedOnly: boolean;
  tag: string;
  direction: "ABOVE" | "BELOW";
  threshold: string;
  times: string[];
  weekdays: number[];
  insightKinds: string;
  templateIds: string[];
  workCenterIds: string[];
  lineIds: string[];
  shiftNames: string[];
  productIds: string[];
  reasonCodes: string[];
  useTimeWindow: boolean;
  windowFrom: string;
  windowTo: string;
  windowWeekdays: number[];
  actions: TActionDraft[];
};

let nextKey = 0;
export const newKey = (prefix: string) => `${prefix}-${++nextKey}`;

export function blankAction(kind: TRuleActionKind = "CREATE_TASK"): TActionDraft {
  return {
    key: newKey("action"),
    kind,
    title: "{workCenter}: ",
    detail: "",
    assigneeRole: "MANAGER",
    priority: "NORMAL",
    dueInMinutes: "",
    escalation: [],
    to: "",
    toRoles: [],
    subject: "{rule} at {workCenter}",
    body: "",
    endpointId: "",
    templateId: "",
    decisionId: "",
  };
}

export function blankDraft(): TRuleDraft {
  return {
    name: "",
    description: "",
    when: "STATE_DURATION",
    eventKinds: ["machine.state"],
    activityType: "",
    state: "DOWN",
    minutes: "10",
    unclassifiedOnly: false,
    tag: "",
    direction: "ABOVE",
    threshold: "",
    times: ["06:00"],
    weekdays: [1, 2, 3, 4, 5],
    insightKinds: "",
    templateIds: [],
    workCenterIds: [],
    lineIds: [],
    shiftNames: [],
    productIds: [],
    reasonCodes: [],
    useTimeWindow: false,
    windowFrom: "06:00",
    windowTo: "22:00",
    windowWeekdays: [],
    actions: [blankAction()],
  };
}

function actionDraftOf(action: TRuleAction): TActionDraft {
  const base = blankAction(action.kind);
  switch (action.kind) {
    case "CREATE_TASK":
      return {
        ...base,
        title: action.title,
        detail: action.detail,
        assigneeRole: action.assigneeRole,
        priority: action.priority,
        dueInMinutes: action.dueInMinutes === null ? "" : String(action.dueInMinutes),
        escalation: action.escalation.map((step) => ({
          key: newKey("step"),
          role: step.role,
          afterMinutes: String(step.afterMinutes),
        })),
      };
    case "EMAIL":
      return { ...base, to: action.to.join(", "), toRoles: action.toRoles, subject: action.subject, body: action.body };
    case "WEBHOOK":
      return { ...base, endpointId: action.endpointId };
    case "START_CHECKLIST":
      return { ...base, templateId: action.templateId };
    case "ATTACH_TO_DECISION":
      return { ...base, decisionId: action.decisionId };
  }
}

export function draftFromDefinition(
  definition: TRuleDefinition,
  meta: { name: string; description: string | null },
): TRuleDraft {
  const draft: TRuleDraft = {
    ...blankDraft(),
    name: meta.name,
    description: meta.description ?? "",
    workCenterIds: definition.conditions.workCenterIds,
    lineIds: definition.conditions.lineIds,
    shiftNames: definition.conditions.shiftNames,
    productIds: definition.conditions.productIds,
    reasonCodes: definition.conditions.reasonCodes,
    useTimeWindow: definition.conditions.timeWindow !== null,
    windowFrom: definition.conditions.timeWindow?.from ?? "06:00",
    windowTo: definition.conditions.timeWindow?.to ?? "22:00",
    windowWeekdays: definition.conditions.timeWindow?.weekdays ?? [],
    actions: definition.actions.map(actionDraftOf),
  };
  const trigger = definition.trigger;
  switch (trigger.kind) {
    case "EVENT": {
      const typeMatch = trigger.payloadMatches.find((match) => match.path === "type");
      return {
        ...draft,
        when: isAndonTrigger(trigger) ? "ANDON" : "EVENT",
        eventKinds: trigger.eventKinds,
        activityType: typeof typeMatch?.equals === "string" ? typeMatch.equals : "",
      };
    }
    case "STATE_DURATION":
      return {
        ...draft,
        when: trigger.kind,
        state: trigger.state,
        minutes: String(trigger.minutes),
        unclassifiedOnly: trigger.unclassifiedOnly,
      };
    case "METRIC_THRESHOLD":
      return {
        ...draft,
        when: trigger.kind,
        tag: trigger.tag,
        direction: trigger.direction,
        threshold: String(trigger.threshold),
      };
    case "SCHEDULE":
      return { ...draft, when: trigger.kind, times: trigger.times, weekdays: trigger.weekdays };
    case "INSIGHT_CREATED":
      return { ...draft, when: trigger.kind, insightKinds: trigger.insightKinds.join(", ") };
    case "CHECKLIST_FAILED":
      return { ...draft, when: trigger.kind, templateIds: trigger.templateIds };
  }
}

/** Errors keyed like the API's paths without "definition." ("trigger.minutes", "actions.0.title", "name"). */
export type TDraftErrors = Record<string, string>;

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

function triggerOf(draft: TRuleDraft, errors: TDraftErrors): TRuleDefinitionInput["trigger"] {
  switch (draft.when) {
    case "ANDON":
      return {
        kind: "EVENT",
        eventKinds: ["operator.activity"],
        payloadMatches: [{ path: "type", equals: "ANDON_CALLED" }],
      };
    case "EVENT": {
      if (draft.eventKinds.length === 0) errors["trigger.eventKinds"] = "Choose at least one event kind.";
      const typed = draft.eventKinds.length === 1 && draft.eventKinds[0] === "operator.activity" && draft.activityType;
      return {
        kind: "EVENT",
        eventKinds: draft.eventKinds,
        payloadMatches: typed ? [{ path: "type", equals: draft.activityType }] : [],
      };
    }
    case "STATE_DURATION": {
      const minutes = wholeNumber(draft.minutes);
      if (minutes === null || minutes < 1 || minutes > 1440) {
        errors["trigger.minutes"] = "Enter whole minutes between 1 and 1440 (24 hours).";
      }
      return {
        kind: "STATE_DURATION",
        state: draft.state as "DOWN",
        minutes: minutes ?? 0,
        unclassifiedOnly: draft.unclassifiedOnly,
      };
    }
    case "METRIC_THRESHOLD": {
      const threshold = Number(draft.threshold.replace(",", "."));
      if (draft.tag.trim() === "") errors["trigger.tag"] = "Choose or type the measurement (tag) to watch.";
      if (draft.threshold.trim() === "" || !Number.isFinite(threshold)) {
        errors["trigger.threshold"] = "Enter the limit as a number, e.g. 80 or 2.5.";
      }
      return { kind: "METRIC_THRESHOLD", tag: draft.tag.trim(), direction: draft.direction, threshold };
    }
    case "SCHEDULE": {
      const times = draft.times.map((time) => time.trim()).filter((time) => time !== "");
      if (times.length === 0) errors["trigger.times"] = "Add at least one time of day.";
      else if (times.some((time) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))) {
        errors["trigger.times"] = "Write times as HH:MM, e.g. 06:00.";
      }
      if (draft.weekdays.length === 0) errors["trigger.weekdays"] = "Choose at least one weekday.";
      return { kind: "SCHEDULE", times, weekdays: draft.weekdays };
    }
    case "INSIGHT_CREATED":
      return {
        kind: "INSIGHT_CREATED",
        insightKinds: draft.insightKinds
          .split(",")
          .map((kind) => kind.trim().toUpperCase())
          .filter((kind) => kind !== ""),
      };
    case "CHECKLIST_FAILED":
      return { kind: "CHECKLIST_FAILED", templateIds: draft.templateIds };
  }
}

function actionOf(action: TActionDraft, index: number, errors: TDraftErrors): TRuleAction {
  const at = (field: string) => `actions.${index}.${field}`;
  switch (action.kind) {
    case "CREATE_TASK": {
      if (action.title.trim() === "")
        errors[at("title")] = "Write a title, e.g. “{workCenter} down for {minutes} min”.";
      const due = action.dueInMinutes.trim() === "" ? null : wholeNumber(action.dueInMinutes);
      if (action.dueInMinutes.trim() !== "" && (due === null || due < 1)) {
        errors[at("dueInMinutes")] = "Enter whole minutes, or leave it empty for no due time.";
      }
      const escalation = action.escalation.map((step, stepIndex) => {
        const after = wholeNumber(step.afterMinutes);
        if (after === null || after < 1) {
          errors[at(`escalation.${stepIndex}.afterMinutes`)] = "Enter whole minutes, e.g. 30.";
        }
        return { role: step.role, afterMinutes: after ?? 0 };
      });
      return {
        kind: "CREATE_TASK",
        title: action.title.trim(),
        detail: action.detail,
        assigneeRole: action.assigneeRole,
        priority: action.priority,
        dueInMinutes: due,
        escalation,
      };
    }
    case "EMAIL": {
      const to = action.to
        .split(/[\s,;]+/)
        .map((address) => address.trim())
        .filter((address) => address !== "");
      const bad = to.find((address) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address));
      if (bad) errors[at("to")] = `“${bad}” is not an e-mail address.`;
      else if (to.length === 0 && action.toRoles.length === 0) {
        errors[at("to")] = "Add an address or choose a role to send to.";
      }
      if (action.subject.trim() === "") errors[at("subject")] = "Write a subject.";
      return { kind: "EMAIL", to, toRoles: action.toRoles, subject: action.subject.trim(), body: action.body };
    }
    case "WEBHOOK":
      if (!action.endpointId) errors[at("endpointId")] = "Choose the endpoint to post to (Admin → Webhooks adds one).";
      return { kind: "WEBHOOK", endpointId: action.endpointId };
    case "START_CHECKLIST":
      if (!action.templateId) errors[at("templateId")] = "Choose the checklist to start.";
      return { kind: "START_CHECKLIST", templateId: action.templateId };
    case "ATTACH_TO_DECISION":
      if (!action.decisionId) errors[at("decisionId")] = "Choose the decision to attach the evidence to.";
      return { kind: "ATTACH_TO_DECISION", decisionId: action.decisionId };
  }
}

export function definitionFromDraft(draft: TRuleDraft): { definition: TRuleDefinitionInput; errors: TDraftErrors } {
  const errors: TDraftErrors = {};
  if (draft.name.trim() === "") errors.name = "Give the rule a name, e.g. “Long stops on the press line”.";
  const trigger = triggerOf(draft, errors);
  if (draft.useTimeWindow) {
    for (const [field, value] of [
      ["from", draft.windowFrom],
      ["to", draft.windowTo],
    ] as const) {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
        errors[`conditions.timeWindow.${field}`] = "Write a time of day as HH:MM.";
      }
    }
  }
  if (draft.actions.length === 0) errors.actions = "Add at least one action.";
  const actions = draft.actions.map((action, index) => actionOf(action, index, errors));
  if (
    trigger.kind === "SCHEDULE" &&
    draft.actions.some((action) => action.kind === "START_CHECKLIST") &&
    draft.workCenterIds.length !== 1
  ) {
    errors["conditions.workCenterIds"] = "A scheduled checklist needs exactly one work center to start at.";
  }
  return {
    definition: {
      trigger,
      conditions: {
        workCenterIds: draft.workCenterIds,
        lineIds: draft.lineIds,
        shiftNames: draft.shiftNames,
        productIds: draft.productIds,
        reasonCodes: draft.reasonCodes,
        timeWindow: draft.useTimeWindow
          ? { from: draft.windowFrom, to: draft.windowTo, weekdays: draft.windowWeekdays }
          : null,
      },
      actions,
    },
    errors,
  };
}

/** The API's field errors ("definition.actions.0.title") in the form's keys ("actions.0.title"). */
export function draftErrorsFromApi(fieldErrors: Record<string, string[]>): TDraftErrors {
  const errors: TDraftErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const key = path.startsWith("definition.") ? path.slice("definition.".length) : path;
    if (messages[0]) errors[key] = messages[0];
  }
  return errors;
}
