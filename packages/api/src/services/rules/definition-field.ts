import {
  type TRuleDefinition,
  type TRuleDefinitionInput,
  ZRuleDefinition,
} from "@gemba/domain/automation/rule-definition";
import { z } from "zod";

/**
 * A rule definition as an input field. Validated with the domain's schema, but every issue is
 * reworded to name the part of the editor it belongs to and what to do ("Then → action 1 (task) →
 * title: write a title"), keeping its path so the editor can put it next to the field.
 */

const CONDITION_NAMES: Record<string, string> = {
  workCenterIds: "work centers",
  lineIds: "lines",
  shiftNames: "shifts",
  productIds: "products",
  reasonCodes: "reasons",
  timeWindow: "time of day",
};

const ACTION_NAMES: Record<string, string> = {
  CREATE_TASK: "task",
  EMAIL: "e-mail",
  WEBHOOK: "webhook",
  START_CHECKLIST: "checklist",
  ATTACH_TO_DECISION: "decision",
};

const FIELD_NAMES: Record<string, string> = {
  eventKinds: "event kinds",
  payloadMatches: "payload fields",
  minutes: "minutes",
  tag: "tag",
  threshold: "threshold",
  times: "times",
  weekdays: "weekdays",
  templateIds: "checklists",
  insightKinds: "insight kinds",
  title: "title",
  detail: "detail",
  assigneeRole: "assignee",
  dueInMinutes: "due in",
  escalation: "escalation",
  afterMinutes: "after minutes",
  role: "role",
  to: "addresses",
  toRoles: "roles",
  subject: "subject",
  body: "body",
  endpointId: "endpoint",
  templateId: "checklist",
  decisionId: "decision",
  from: "from",
};

/** "Then → action 2 (task) → escalation step 1 → after minutes". */
export function describeRulePath(path: readonly PropertyKey[], input: unknown): string {
  const [section, ...rest] = path.map((part) => (typeof part === "symbol" ? String(part) : part));
  const tail = (parts: readonly (string | number)[]) =>
    parts.map((part) => (typeof part === "number" ? `#${part + 1}` : (FIELD_NAMES[part] ?? part))).join(" ");
  if (section === "trigger") return rest.length > 0 ? `When → ${tail(rest)}` : "When";
  if (section === "conditions") {
    const [name, ...more] = rest;
    const label = CONDITION_NAMES[String(name)] ?? String(name ?? "");
    return `Only if → ${label}${more.length > 0 ? ` ${tail(more)}` : ""}`;
  }
  if (section === "actions") {
    const [index, field, ...more] = rest;
    if (typeof index !== "number") return "Then";
    const actions = (input as { actions?: { kind?: string }[] } | null)?.actions;
    const kind = ACTION_NAMES[actions?.[index]?.kind ?? ""];
    const head = `Then → action ${index + 1}${kind ? ` (${kind})` : ""}`;
    if (field === "escalation" && typeof more[0] === "number") {
      return `${head} → escalation step ${more[0] + 1}${more[1] ? ` → ${tail(more.slice(1))}` : ""}`;
    }
    return field === undefined ? head : `${head} → ${tail([field, ...more])}`;
  }
  return "Rule definition";
}

/** What to do about one issue, in words. */
function fixFor(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return "fill it in";
      if (issue.origin === "array")
        return issue.minimum === 1 ? "choose at least one" : `add at least ${issue.minimum}`;
      return `use ${String(issue.minimum)} or more`;
    case "too_big":
      if (issue.origin === "string") return `keep it to ${String(issue.maximum)} characters or fewer`;
      if (issue.origin === "array") return `at most ${String(issue.maximum)} allowed`;
      return `use ${String(issue.maximum)} or less`;
    case "invalid_format":
      if (issue.format === "email") return "enter an e-mail address such as maintenance@plant.example";
      if (issue.format === "uuid") return "pick it again from the list";
      // The schema's own patterns carry their hint ("a time of day such as 06:00").
      if (!issue.message.startsWith("Invalid")) return `use ${issue.message}`;
      return issue.path.includes("timeWindow") ? "use a time of day such as 06:00" : "has the wrong format";
    case "invalid_type":
      if (value === undefined) return "fill it in";
      return issue.expected === "number" || issue.expected === "int" ? "enter a whole number" : "has the wrong type";
    case "invalid_value":
    case "invalid_union":
      return "choose one of the offered options";
    case "custom":
      return issue.message;
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Parses a definition; on failure, one reworded issue per problem, paths kept. */
export function checkRuleDefinition(
  input: unknown,
): { ok: true; definition: TRuleDefinition } | { ok: false; issues: { path: PropertyKey[]; message: string }[] } {
  const parsed = ZRuleDefinition.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path,
      message: `${describeRulePath(issue.path, input)}: ${fixFor(issue, valueAt(input, issue.path))}`,
    })),
  };
}

/**
 * The definition field of rule inputs: typed for the caller as the editor's draft, validated here.
 * (The check sits in a transform so the issues keep their paths under "definition".)
 */
export const ZRuleDefinitionField = z.custom<TRuleDefinitionInput>().transform((value, context): TRuleDefinition => {
  const checked = checkRuleDefinition(value);
  if (checked.ok) return checked.definition;
  for (const issue of checked.issues) {
    context.addIssue({ code: "custom", message: issue.message, path: issue.path });
  }
  return z.NEVER;
});
