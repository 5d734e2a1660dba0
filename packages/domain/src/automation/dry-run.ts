import { formatClock, weekdayShortName } from "../calendar/calendar-text";
import { utcToZoned } from "../calendar/zoned-time";
import {
  candidatesFor,
  type TCandidate,
  type TDryRunChecklistFailure,
  type TDryRunEvent,
  type TDryRunSite,
  type TDryRunStatePiece,
  type TDryRunWorkCenter,
  type TSignalHistory,
} from "./dry-run-signals";
import { describeAction, type TRuleLabels } from "./dry-run-text";
import { conditionsHold, type TSignalContext } from "./match-rule";
import type { TRuleActionKind, TRuleConditions, TRuleDefinition } from "./rule-definition";

/**
 * "What would this rule have done over the last 24 hours?" — the editor's dry run. Replays stored
 * history through the same matching the engine uses (match-rule.ts), so a firing here is one the
 * engine would have made, and says why; signals the conditions turned away are counted per condition.
 */

export type {
  TDryRunChecklistFailure,
  TDryRunEvent,
  TDryRunSite,
  TDryRunStatePiece,
  TDryRunWorkCenter,
} from "./dry-run-signals";
export { mergeStatePieces } from "./dry-run-signals";

/** More than this many firings are counted, not listed. */
export const DRY_RUN_MAX_LISTED = 200;

/** An order running on a work center: the product a signal there was about. */
export type TDryRunOrder = { workCenterId: string; productId: string; start: number; end: number | null };

export type TDryRunHistory = {
  from: number;
  to: number;
  /** For the {rule} placeholder. */
  ruleName: string;
  sites: readonly TDryRunSite[];
  workCenters: readonly TDryRunWorkCenter[];
  events: readonly TDryRunEvent[];
  statePieces: readonly TDryRunStatePiece[];
  checklistFailures: readonly TDryRunChecklistFailure[];
  orders: readonly TDryRunOrder[];
  metricBefore: Readonly<Record<string, { value: number; at: number }>>;
  /** A reading older than this before the next one is no "previous value" (the engine's rule). */
  metricLookbackMs: number;
  labels: TRuleLabels;
  /** What the loader wants the reader to know (history cut short, …). */
  notes?: readonly string[];
};

export type TConditionKey = keyof TRuleConditions;

export type TDryRunFiring = {
  at: number;
  /** Site-local, "Tue 08:22". */
  localTime: string;
  workCenterId: string | null;
  subject: string;
  summary: string;
  why: string;
  actions: { kind: TRuleActionKind; text: string }[];
};

export type TDryRunFiltered = {
  condition: TConditionKey;
  /** "Work center is PRS-201". */
  label: string;
  count: number;
  /** The first signal it turned away, in words: "not at work center PRS-201 (was PRS-202)". */
  example: string;
};

export type TDryRunResult = {
  from: number;
  to: number;
  /** Signals the trigger alone would have fired on. */
  candidateCount: number;
  firingCount: number;
  /** Newest first, at most DRY_RUN_MAX_LISTED. */
  firings: TDryRunFiring[];
  /** Per subject (work center), most firings first. */
  bySubject: { subject: string; count: number }[];
  filtered: TDryRunFiltered[];
  notes: string[];
};

const CONDITION_ORDER: readonly TConditionKey[] = [
  "workCenterIds",
  "lineIds",
  "shiftNames",
  "productIds",
  "reasonCodes",
  "timeWindow",
];

const NO_CONDITIONS: TRuleConditions = {
  workCenterIds: [],
  lineIds: [],
  shiftNames: [],
  productIds: [],
  reasonCodes: [],
  timeWindow: null,
};

function conditionLabel(key: TConditionKey, conditions: TRuleConditions, labels: TRuleLabels): string {
  const list = (ids: readonly string[], names?: Readonly<Record<string, string>>) =>
    ids.map((id) => names?.[id] ?? "(removed)").join(", ");
  switch (key) {
    case "workCenterIds":
      return `Work center is ${list(conditions.workCenterIds, labels.workCenters)}`;
    case "lineIds":
      return `Line is ${list(conditions.lineIds, labels.lines)}`;
    case "shiftNames":
      return `Shift is ${conditions.shiftNames.join(", ")}`;
    case "productIds":
      return `Product is ${list(conditions.productIds, labels.products)}`;
    case "reasonCodes":
      return `Reason is ${conditions.reasonCodes.map((code) => labels.reasons?.[code] ?? code).join(", ")}`;
    case "timeWindow":
      return conditions.timeWindow ? `Between ${conditions.timeWindow.from} and ${conditions.timeWindow.to}` : "";
  }
}

/** The instant's site: the work center's, the schedule's, or the plant's only one. */
function siteFor(
  sites: ReadonlyMap<string, TDryRunSite>,
  workCenters: ReadonlyMap<string, TDryRunWorkCenter>,
  workCenterId: string | null,
  siteId?: string | null,
): TDryRunSite | null {
  const id = siteId ?? (workCenterId ? workCenters.get(workCenterId)?.siteId : undefined);
  if (id) return sites.get(id) ?? null;
  return sites.size === 1 ? ([...sites.values()][0] ?? null) : null;
}

export function runDryRun(definition: TRuleDefinition, history: TDryRunHistory): TDryRunResult {
  const sites = new Map(history.sites.map((site) => [site.id, site]));
  const workCenters = new Map(history.workCenters.map((workCenter) => [workCenter.id, workCenter]));
  const localLabel = (at: number, workCenterId: string | null, siteId?: string) => {
    const site = siteFor(sites, workCenters, workCenterId, siteId);
    const local = utcToZoned(at, site?.timeZone ?? "UTC");
    return `${weekdayShortName(local.isoWeekday)} ${formatClock(local.minuteOfDay)}`;
  };
  const signals: TSignalHistory = {
    from: history.from,
    to: history.to,
    sites: history.sites,
    workCenters,
    events: history.events,
    statePieces: history.statePieces,
    checklistFailures: history.checklistFailures,
    metricBefore: history.metricBefore,
    metricLookbackMs: history.metricLookbackMs,
    labels: history.labels,
    localLabel,
  };

  const contextOf = (candidate: TCandidate): TSignalContext => {
    const workCenter = candidate.workCenterId ? workCenters.get(candidate.workCenterId) : undefined;
    const site = siteFor(sites, workCenters, candidate.workCenterId, candidate.siteId);
    const local = site ? utcToZoned(candidate.at, site.timeZone) : null;
    const shift = site?.shifts.find((piece) => piece.start <= candidate.at && candidate.at < piece.end);
    const order = history.orders
      .filter(
        (entry) =>
          entry.workCenterId === candidate.workCenterId &&
          entry.start <= candidate.at &&
          (entry.end === null || candidate.at < entry.end),
      )
      .sort((a, b) => b.start - a.start)[0];
    return {
      workCenterId: candidate.workCenterId,
      lineId: workCenter?.lineId ?? null,
      shiftName: shift?.name ?? null,
      productId: order?.productId ?? null,
      reasonCode: candidate.reasonCode,
      local: local ? { weekday: local.isoWeekday, minuteOfDay: local.minuteOfDay } : null,
    };
  };

  const conditionLabels = {
    workCenters: Object.fromEntries(history.workCenters.map((workCenter) => [workCenter.id, workCenter.code])),
    lines: history.labels.lines ?? {},
    products: history.labels.products ?? {},
  };
  const candidates = candidatesFor(definition.trigger, definition.conditions, signals);
  const firings: TDryRunFiring[] = [];
  const filtered = new Map<TConditionKey, TDryRunFiltered>();
  for (const candidate of candidates) {
    const context = contextOf(candidate);
    const outcome = conditionsHold(definition.conditions, context, conditionLabels);
    if (outcome.ok) {
      firings.push(fire(definition, history, candidate, context, localLabel));
      continue;
    }
    // Which condition turned it away: the first that fails on its own, in the engine's order.
    const key =
      CONDITION_ORDER.find(
        (condition) =>
          !conditionsHold({ ...NO_CONDITIONS, [condition]: definition.conditions[condition] }, context, conditionLabels)
            .ok,
      ) ?? "workCenterIds";
    const entry = filtered.get(key);
    if (entry) entry.count += 1;
    else {
      const label = conditionLabel(key, definition.conditions, { ...history.labels, ...conditionLabels });
      filtered.set(key, { condition: key, label, count: 1, example: outcome.failed });
    }
  }

  firings.sort((a, b) => b.at - a.at);
  const perSubject = new Map<string, number>();
  for (const firing of firings) perSubject.set(firing.subject, (perSubject.get(firing.subject) ?? 0) + 1);
  return {
    from: history.from,
    to: history.to,
    candidateCount: candidates.length,
    firingCount: firings.length,
    firings: firings.slice(0, DRY_RUN_MAX_LISTED),
    bySubject: [...perSubject.entries()]
      .map(([subject, count]) => ({ subject, count }))
      .sort((a, b) => b.count - a.count || a.subject.localeCompare(b.subject)),
    filtered: [...filtered.values()].sort((a, b) => b.count - a.count),
    notes: [...(history.notes ?? []), ...triggerNotes(definition)],
  };
}

function fire(
  definition: TRuleDefinition,
  history: TDryRunHistory,
  candidate: TCandidate,
  context: TSignalContext,
  localLabel: (at: number, workCenterId: string | null, siteId?: string) => string,
): TDryRunFiring {
  const workCenter = candidate.workCenterId
    ? history.workCenters.find((entry) => entry.id === candidate.workCenterId)
    : undefined;
  const values = {
    workCenter: workCenter?.code ?? null,
    line: workCenter?.lineName ?? null,
    rule: history.ruleName,
    ...candidate.values,
  };
  return {
    at: candidate.at,
    localTime: localLabel(candidate.at, candidate.workCenterId, candidate.siteId ?? undefined),
    workCenterId: context.workCenterId,
    subject: workCenter?.code ?? (candidate.workCenterId ? "(removed work center)" : "Plant"),
    summary: candidate.summary,
    why: candidate.why,
    actions: definition.actions.map((action) => ({
      kind: action.kind,
      text: describeAction(action, values, history.labels),
    })),
  };
}

function triggerNotes(definition: TRuleDefinition): string[] {
  if (definition.trigger.kind === "INSIGHT_CREATED") {
    return [
      "Insights are not replayed: the dry run cannot tell which insights would have been created. The rule fires when new ones are.",
    ];
  }
  if (definition.trigger.kind === "STATE_DURATION" && definition.trigger.unclassifiedOnly) {
    return ["Stops are judged as they are stored now: a stop classified later counts as classified."];
  }
  return [];
}
