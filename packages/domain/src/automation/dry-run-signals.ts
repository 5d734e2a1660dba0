import { formatMinutes } from "../calendar/calendar-text";
import { MS_PER_MINUTE } from "../calendar/zoned-time";
import { summarizeEvent } from "../decisions/event-summary";
import { STATE_WORDS, type TRuleLabels } from "./dry-run-text";
import { eventMatchesTrigger, metricCrosses, scheduleDueTimes, stateDurationDueAt } from "./match-rule";
import type { TRuleConditions, TRuleTrigger } from "./rule-definition";

/**
 * The signals a trigger would have seen in a stretch of history: one candidate per thing that
 * would have fired the rule before its conditions are checked. Pure; the dry run checks the
 * conditions and renders the actions.
 */

export type TDryRunWorkCenter = { id: string; code: string; lineId: string; lineName: string; siteId: string };
/** A site with its shifts over the window (pieces of one shift may repeat the name). */
export type TDryRunSite = {
  id: string;
  timeZone: string;
  shifts: readonly { name: string; start: number; end: number }[];
};
export type TDryRunEvent = {
  id: string;
  kind: string;
  eventTime: number;
  workCenterId: string | null;
  payload: unknown;
};
/** A stored StateInterval piece (epoch ms, end exclusive). */
export type TDryRunStatePiece = {
  workCenterId: string;
  state: string;
  start: number;
  end: number;
  reasonCode: string | null;
  unclassified: boolean;
  /** The work center's newest piece: the stretch is still going as far as anyone knows. */
  ongoing?: boolean;
};
export type TDryRunChecklistFailure = {
  runId: string;
  stepId: string;
  templateId: string;
  templateName: string;
  workCenterId: string;
  stepTitle: string;
  /** The answer as given ("84.2 mm", "fail"). */
  valueText: string;
  at: number;
};

/** What the loader hands over: the subjects' facts and what happened in [from, to]. */
export type TSignalHistory = {
  from: number;
  to: number;
  sites: readonly TDryRunSite[];
  workCenters: ReadonlyMap<string, TDryRunWorkCenter>;
  events: readonly TDryRunEvent[];
  statePieces: readonly TDryRunStatePiece[];
  checklistFailures: readonly TDryRunChecklistFailure[];
  /** Last reading of a METRIC_THRESHOLD rule's tag before the loaded events, per work center. */
  metricBefore: Readonly<Record<string, { value: number; at: number }>>;
  /** A reading older than this before the next one is no "previous value" (the engine's rule). */
  metricLookbackMs: number;
  labels: TRuleLabels;
  /** Site-local "Tue 08:22" for an instant and a work center (or the plant's only site). */
  localLabel: (at: number, workCenterId: string | null, siteId?: string) => string;
};

export type TCandidate = {
  at: number;
  workCenterId: string | null;
  /** Schedules carry their site; everything else finds it through the work center. */
  siteId: string | null;
  reasonCode: string | null;
  summary: string;
  why: string;
  values: Record<string, string | number | null>;
};

/** A stretch of one state on one work center: adjacent pieces of the same state joined. */
export type TStateStretch = TDryRunStatePiece;

/**
 * Joins pieces the store cut at shift changes and derivation edges. Pieces must not overlap per
 * work center (the store guarantees it); a stretch is unclassified while any piece of it is.
 */
export function mergeStatePieces(pieces: readonly TDryRunStatePiece[]): TStateStretch[] {
  const sorted = [...pieces].sort((a, b) => a.workCenterId.localeCompare(b.workCenterId) || a.start - b.start);
  const stretches: TStateStretch[] = [];
  for (const piece of sorted) {
    const last = stretches[stretches.length - 1];
    if (last && last.workCenterId === piece.workCenterId && last.state === piece.state && last.end === piece.start) {
      last.end = piece.end;
      last.unclassified ||= piece.unclassified;
      last.ongoing = Boolean(last.ongoing || piece.ongoing);
      last.reasonCode ??= piece.reasonCode;
    } else {
      stretches.push({ ...piece });
    }
  }
  return stretches;
}

function textOf(payload: unknown, key: string): string | null {
  if (typeof payload !== "object" || payload === null) return null;
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}

function numberOf(payload: unknown, key: string): number | null {
  if (typeof payload !== "object" || payload === null) return null;
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

const inWindow = (history: TSignalHistory, at: number) => at > history.from && at <= history.to;

function codeOf(history: TSignalHistory, workCenterId: string | null): string {
  if (workCenterId === null) return "Plant";
  return history.workCenters.get(workCenterId)?.code ?? "(removed work center)";
}

function reasonLabel(history: TSignalHistory, code: string | null): string | null {
  return code === null ? null : (history.labels.reasons?.[code] ?? code);
}

function eventCandidates(trigger: Extract<TRuleTrigger, { kind: "EVENT" }>, history: TSignalHistory): TCandidate[] {
  const matches = trigger.payloadMatches.map((match) => `${match.path} = ${String(match.equals)}`);
  return history.events
    .filter((event) => inWindow(history, event.eventTime) && eventMatchesTrigger(trigger, event))
    .map((event) => {
      const reasonCode = textOf(event.payload, "reasonCode");
      const where = matches.length > 0 ? ` with ${matches.join(" and ")}` : "";
      return {
        at: event.eventTime,
        workCenterId: event.workCenterId,
        siteId: null,
        reasonCode,
        summary: `${codeOf(history, event.workCenterId)}: ${summarizeEvent(event.kind, event.payload)}`,
        why: `${event.kind} event at ${history.localLabel(event.eventTime, event.workCenterId)}${where}`,
        values: {
          state: textOf(event.payload, "state"),
          value: numberOf(event.payload, "value"),
          reason: reasonLabel(history, reasonCode),
        },
      };
    });
}

function stateCandidates(
  trigger: Extract<TRuleTrigger, { kind: "STATE_DURATION" }>,
  history: TSignalHistory,
): TCandidate[] {
  const state = STATE_WORDS[trigger.state] ?? trigger.state;
  const candidates: TCandidate[] = [];
  for (const stretch of mergeStatePieces(history.statePieces.filter((piece) => piece.state === trigger.state))) {
    const due = stateDurationDueAt(trigger, { ...stretch, end: stretch.ongoing ? null : stretch.end });
    if (due === null || !inWindow(history, due)) continue;
    const reason = reasonLabel(history, stretch.reasonCode);
    const code = codeOf(history, stretch.workCenterId);
    const lasted =
      stretch.ongoing || stretch.end >= history.to
        ? "still going"
        : `lasted ${formatMinutes(Math.round((stretch.end - stretch.start) / MS_PER_MINUTE))} in all`;
    candidates.push({
      at: due,
      workCenterId: stretch.workCenterId,
      siteId: null,
      reasonCode: stretch.reasonCode,
      summary: `${code} ${trigger.state} for ${trigger.minutes} min${reason ? ` (${reason})` : ""}`,
      why:
        `${state} from ${history.localLabel(stretch.start, stretch.workCenterId)}, ` +
        `reached ${formatMinutes(trigger.minutes)} at ${history.localLabel(due, stretch.workCenterId)} (${lasted})` +
        (trigger.unclassifiedOnly ? "; no reason was given" : ""),
      values: { state: trigger.state, minutes: trigger.minutes, reason },
    });
  }
  return candidates;
}

function metricCandidates(
  trigger: Extract<TRuleTrigger, { kind: "METRIC_THRESHOLD" }>,
  history: TSignalHistory,
): TCandidate[] {
  const readings = history.events
    .filter((event) => event.kind === "telemetry" && textOf(event.payload, "tag") === trigger.tag)
    .map((event) => ({ event, value: numberOf(event.payload, "value") }))
    .filter((reading): reading is { event: TDryRunEvent; value: number } => reading.value !== null)
    .sort((a, b) => a.event.eventTime - b.event.eventTime);
  const previous = new Map(Object.entries(history.metricBefore));
  const direction = trigger.direction === "ABOVE" ? "above" : "below";
  const candidates: TCandidate[] = [];
  for (const { event, value } of readings) {
    const key = event.workCenterId ?? "";
    const last = previous.get(key);
    const before = last && event.eventTime - last.at <= history.metricLookbackMs ? last.value : null;
    previous.set(key, { value, at: event.eventTime });
    if (!inWindow(history, event.eventTime) || !metricCrosses(trigger, before, value)) continue;
    const unit = textOf(event.payload, "unit");
    const shown = unit ? `${value} ${unit}` : String(value);
    candidates.push({
      at: event.eventTime,
      workCenterId: event.workCenterId,
      siteId: null,
      reasonCode: null,
      summary: `${codeOf(history, event.workCenterId)}: ${trigger.tag} ${shown}, ${direction} ${trigger.threshold}`,
      why:
        `${trigger.tag} went from ${before === null ? "no earlier reading" : before} to ${shown} ` +
        `at ${history.localLabel(event.eventTime, event.workCenterId)}`,
      values: { value },
    });
  }
  return candidates;
}

/**
 * A schedule fires once per listed work center (in that work center's site), or once per site
 * when the rule names none.
 */
function scheduleCandidates(
  trigger: Extract<TRuleTrigger, { kind: "SCHEDULE" }>,
  conditions: TRuleConditions,
  history: TSignalHistory,
): TCandidate[] {
  const candidates: TCandidate[] = [];
  for (const site of history.sites) {
    const subjects =
      conditions.workCenterIds.length > 0
        ? conditions.workCenterIds.filter((id) => history.workCenters.get(id)?.siteId === site.id)
        : [null];
    for (const at of scheduleDueTimes(trigger, history.from, history.to, site.timeZone)) {
      for (const workCenterId of subjects) {
        const where = workCenterId === null ? "" : ` for ${codeOf(history, workCenterId)}`;
        candidates.push({
          at,
          workCenterId,
          siteId: site.id,
          reasonCode: null,
          summary: `Scheduled ${history.localLabel(at, workCenterId, site.id)}${where}`,
          why: `${history.localLabel(at, workCenterId, site.id)} is one of the rule's times`,
          values: {},
        });
      }
    }
  }
  return candidates;
}

function checklistCandidates(
  trigger: Extract<TRuleTrigger, { kind: "CHECKLIST_FAILED" }>,
  history: TSignalHistory,
): TCandidate[] {
  return history.checklistFailures
    .filter(
      (failure) =>
        inWindow(history, failure.at) &&
        (trigger.templateIds.length === 0 || trigger.templateIds.includes(failure.templateId)),
    )
    .map((failure) => ({
      at: failure.at,
      workCenterId: failure.workCenterId,
      siteId: null,
      reasonCode: null,
      summary: `${codeOf(history, failure.workCenterId)}: "${failure.stepTitle}" failed in ${failure.templateName} (${failure.valueText})`,
      why: `Step "${failure.stepTitle}" answered ${failure.valueText} at ${history.localLabel(failure.at, failure.workCenterId)}`,
      values: { checklist: failure.templateName, step: failure.stepTitle, value: failure.valueText },
    }));
}

/** Every signal the trigger would have fired on in (from, to], before conditions. */
export function candidatesFor(
  trigger: TRuleTrigger,
  conditions: TRuleConditions,
  history: TSignalHistory,
): TCandidate[] {
  switch (trigger.kind) {
    case "EVENT":
      return eventCandidates(trigger, history);
    case "STATE_DURATION":
      return stateCandidates(trigger, history);
    case "METRIC_THRESHOLD":
      return metricCandidates(trigger, history);
    case "SCHEDULE":
      return scheduleCandidates(trigger, conditions, history);
    case "CHECKLIST_FAILED":
      return checklistCandidates(trigger, history);
    case "INSIGHT_CREATED":
      // Insights are produced by detectors as they run; there is no stored history to replay.
      return [];
  }
}
