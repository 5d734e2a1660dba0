import { conditionsHold, stateDurationDueAt } from "@gemba/domain/automation/match-rule";
import type { TRuleTrigger } from "@gemba/domain/automation/rule-definition";
import type pg from "pg";
import type { Database } from "../client";
import { withTenantClient } from "../tenant-scope";
import { baseValues, labelsOf } from "./evaluate-events";
import type { TFiring, TTurnedAway } from "./firing";
import { loadEnabledRules, loadEnabledRulesCached, peekCachedRules, type TLoadedRule } from "./load-rules";
import { fireAll } from "./process-signal";
import type { TFollowUps } from "./rule-actions";
import { SignalContextLoader } from "./signal-context";

type TStateTrigger = Extract<TRuleTrigger, { kind: "STATE_DURATION" }>;

/** Adjacent stored pieces of one state joined (the store cuts them at days, shifts and derivation edges). */
export type TStretch = {
  state: string;
  start: number;
  /** Null while it is the work center's latest stretch: still going as far as anyone knows. */
  end: number | null;
  unclassified: boolean;
  reasonCode: string | null;
  /** Start of the machine stop it belongs to (the key operators classify by), for stop states. */
  stopStart: number | null;
};

type TPiece = {
  start: Date;
  end: Date;
  state: string;
  unclassified: boolean;
  reasonCode: string | null;
  stopStart: Date | null;
};

const PIECE_COLUMNS = `start, "end", state::text AS state, unclassified, "reasonCode", "stopStart"`;
/** Pieces read per stretch; a stretch of one state over more pieces than this is cut here. */
const PIECE_LIMIT = 500;

function join(pieces: readonly TPiece[], ongoing: boolean): TStretch | null {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return null;
  return {
    state: first.state,
    start: first.start.getTime(),
    end: ongoing ? null : last.end.getTime(),
    unclassified: pieces.some((piece) => piece.unclassified),
    reasonCode: pieces.find((piece) => piece.reasonCode !== null)?.reasonCode ?? null,
    stopStart: (last.stopStart ?? first.stopStart)?.getTime() ?? null,
  };
}

/** The work center's latest stretch: its newest piece and the same-state pieces touching it before. */
export async function latestStretch(client: pg.ClientBase, workCenterId: string): Promise<TStretch | null> {
  const { rows } = await client.query<TPiece>(
    `SELECT ${PIECE_COLUMNS} FROM "StateInterval" WHERE "workCenterId" = $1 ORDER BY start DESC LIMIT ${PIECE_LIMIT}`,
    [workCenterId],
  );
  const newest = rows[0];
  if (!newest) return null;
  const pieces = [newest];
  for (const piece of rows.slice(1)) {
    const after = pieces[0] as TPiece;
    if (piece.state !== newest.state || piece.end.getTime() !== after.start.getTime()) break;
    pieces.unshift(piece);
  }
  return join(pieces, true);
}

/**
 * The stretch that began at `since`, or null when none did (re-derivation moved or merged it). It
 * counts as still going when nothing was stored after it.
 */
export async function stretchFrom(
  client: pg.ClientBase,
  workCenterId: string,
  since: number,
): Promise<TStretch | null> {
  const { rows } = await client.query<TPiece>(
    `(SELECT ${PIECE_COLUMNS} FROM "StateInterval" WHERE "workCenterId" = $1 AND start < $2 ORDER BY start DESC LIMIT 1)
     UNION ALL
     (SELECT ${PIECE_COLUMNS} FROM "StateInterval" WHERE "workCenterId" = $1 AND start >= $2 ORDER BY start LIMIT ${PIECE_LIMIT})
     ORDER BY start`,
    [workCenterId, new Date(since)],
  );
  const index = rows.findIndex((piece) => piece.start.getTime() === since);
  const first = rows[index];
  if (!first) return null;
  const before = rows[index - 1];
  // A same-state piece touching it from before means the stretch began earlier.
  if (before && before.state === first.state && before.end.getTime() === since) return null;
  const pieces = [first];
  let ongoing = true;
  for (const piece of rows.slice(index + 1)) {
    const previous = pieces[pieces.length - 1] as TPiece;
    if (piece.state !== first.state || piece.start.getTime() !== previous.end.getTime()) {
      ongoing = false;
      break;
    }
    pieces.push(piece);
  }
  return join(pieces, ongoing);
}

export type TStateDueCheck = { ruleId: string; workCenterId: string; sinceMs: number; dueAt: number };

/**
 * For the timeline refresh: which STATE_DURATION checks the work center's latest stretch needs,
 * and when. Classification is not judged yet (a stop counts as unclassified only once it passes
 * the minor-stop threshold); the check at the due time does. No rules, no query.
 */
export async function planStateDueChecks(
  client: pg.ClientBase,
  tenantId: string,
  workCenterId: string,
): Promise<TStateDueCheck[]> {
  const rules = await loadEnabledRulesCached(client, tenantId, ["STATE_DURATION"]);
  if (rules.length === 0) return [];
  const stretch = await latestStretch(client, workCenterId);
  if (!stretch) return [];
  return rules.flatMap((rule) => {
    const trigger = rule.definition.trigger as TStateTrigger;
    const { workCenterIds } = rule.definition.conditions;
    if (workCenterIds.length > 0 && !workCenterIds.includes(workCenterId)) return [];
    const dueAt = stateDurationDueAt(trigger, { ...stretch, unclassified: true });
    return dueAt === null ? [] : [{ ruleId: rule.id, workCenterId, sinceMs: stretch.start, dueAt }];
  });
}

/** `planStateDueChecks` in a transaction of its own, skipped without one while the cache knows there are no rules. */
export async function planStateDueChecksFor(
  pool: pg.Pool,
  tenantId: string,
  workCenterId: string,
): Promise<TStateDueCheck[]> {
  if (peekCachedRules(tenantId, ["STATE_DURATION"])?.length === 0) return [];
  return withTenantClient(pool, tenantId, (client) => planStateDueChecks(client, tenantId, workCenterId));
}

/** The run key of a stretch: one firing per rule and stretch, however often it is checked. */
export const stateSignalKey = (workCenterId: string, since: number) =>
  `state:${workCenterId}:${new Date(since).toISOString()}`;

async function firingFor(
  client: pg.ClientBase,
  loader: SignalContextLoader,
  rule: TLoadedRule,
  workCenterId: string,
  stretch: TStretch,
  now: number,
): Promise<{ firing: TFiring } | { turnedAway: TTurnedAway } | null> {
  const trigger = rule.definition.trigger as TStateTrigger;
  const dueAt = stateDurationDueAt(trigger, stretch);
  if (dueAt === null || dueAt > now) return null;
  const signalKey = stateSignalKey(workCenterId, stretch.start);
  const { rows } = await client.query(`SELECT 1 FROM "RuleRun" WHERE "idempotencyKey" = $1`, [
    `${rule.id}:${signalKey}`,
  ]);
  if (rows.length > 0) return null;
  const { context, workCenter } = await loader.contextFor({ workCenterId, at: dueAt, reasonCode: stretch.reasonCode });
  const outcome = conditionsHold(rule.definition.conditions, context, labelsOf(workCenter));
  if (!outcome.ok) return { turnedAway: { ruleId: rule.id, signalKey, failed: outcome.failed } };
  const reason = stretch.reasonCode ? ` (${stretch.reasonCode})` : "";
  const summary = `${workCenter?.code ?? "(removed work center)"} ${trigger.state} for ${trigger.minutes} min${reason}`;
  const stopStart = stretch.stopStart ?? stretch.start;
  return {
    firing: {
      rule,
      signalKey,
      signalKind: "state",
      workCenterId,
      orderId: null,
      triggeredAt: new Date(dueAt),
      summary,
      context,
      values: baseValues(rule, workCenter, {
        state: trigger.state,
        minutes: trigger.minutes,
        reason: stretch.reasonCode,
      }),
      evidence: ["DOWN", "IDLE", "PLANNED_STOP"].includes(trigger.state)
        ? { kind: "DOWNTIME", ref: `${workCenterId}@${new Date(stopStart).toISOString()}`, label: summary }
        : null,
    },
  };
}

export type TStateOutcome = { fired: number; already: number; failedRuns: number; followUps: TFollowUps };

/**
 * The delayed check of one rule and one stretch: fires when the stretch that began at `since` is
 * still stored as that state and has lasted the rule's duration (and, if required, is unclassified).
 */
export async function checkStateDue(
  db: Database,
  check: { tenantId: string; ruleId: string; workCenterId: string; since: number },
  now = Date.now(),
): Promise<TStateOutcome & { skipped?: string }> {
  const decided = await withTenantClient<{ skipped: string } | { firing: TFiring }>(
    db.pool,
    check.tenantId,
    async (client) => {
      const { rules } = await loadEnabledRules(client, ["STATE_DURATION"]);
      const rule = rules.find((entry) => entry.id === check.ruleId);
      if (!rule) return { skipped: "rule disabled or removed" };
      const stretch = await stretchFrom(client, check.workCenterId, check.since);
      if (!stretch) return { skipped: "the stretch was re-derived away" };
      const result = await firingFor(client, new SignalContextLoader(client), rule, check.workCenterId, stretch, now);
      if (!result) return { skipped: "not due, another state, classified, or fired before" };
      if ("turnedAway" in result) return { skipped: `conditions: ${result.turnedAway.failed}` };
      return { firing: result.firing };
    },
  );
  if (!("firing" in decided)) {
    return { fired: 0, already: 0, failedRuns: 0, followUps: { escalations: [], notifications: [] }, ...decided };
  }
  return fireAll(db, check.tenantId, [decided.firing], new Date(now));
}

/**
 * The sweep's pass over one tenant: every work center's latest stretch against every enabled
 * STATE_DURATION rule, firing what is due and has not fired. Catches checks whose delayed job
 * Redis lost.
 */
export async function sweepStateDurations(db: Database, tenantId: string, now = Date.now()): Promise<TStateOutcome> {
  const firings = await withTenantClient(db.pool, tenantId, async (client) => {
    const { rules } = await loadEnabledRules(client, ["STATE_DURATION"]);
    if (rules.length === 0) return [];
    const watched = [...new Set(rules.map((rule) => (rule.definition.trigger as TStateTrigger).state))];
    const { rows } = await client.query<{ workCenterId: string }>(
      // One index probe per work center rather than a scan of every stored piece.
      `SELECT wc.id AS "workCenterId" FROM "WorkCenter" wc
         CROSS JOIN LATERAL (SELECT state::text AS state FROM "StateInterval" si
                              WHERE si."workCenterId" = wc.id ORDER BY start DESC LIMIT 1) latest
        WHERE latest.state = ANY($1::text[])`,
      [watched],
    );
    const loader = new SignalContextLoader(client);
    const found: TFiring[] = [];
    for (const { workCenterId } of rows) {
      const stretch = await latestStretch(client, workCenterId);
      if (!stretch) continue;
      for (const rule of rules) {
        const result = await firingFor(client, loader, rule, workCenterId, stretch, now);
        if (result && "firing" in result) found.push(result.firing);
      }
    }
    return found;
  });
  return fireAll(db, tenantId, firings, new Date(now));
}
