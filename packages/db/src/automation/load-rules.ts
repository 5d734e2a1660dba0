import { type TRuleDefinition, type TRuleTriggerKind, ZRuleDefinition } from "@gemba/domain/automation/rule-definition";
import type pg from "pg";

export type TLoadedRule = {
  id: string;
  name: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  definition: TRuleDefinition;
};

/** A stored rule whose definition no longer fits the schema: it never fires, and says why. */
export type TInvalidRule = { id: string; name: string; error: string };

/**
 * The tenant's enabled rules of some trigger kinds, definitions validated. Runs inside the
 * caller's tenant transaction (row-level security keeps it to that tenant).
 */
export async function loadEnabledRules(
  client: pg.ClientBase,
  kinds: readonly TRuleTriggerKind[],
): Promise<{ rules: TLoadedRule[]; invalid: TInvalidRule[] }> {
  const { rows } = await client.query<{
    id: string;
    name: string;
    version: number;
    createdAt: Date;
    updatedAt: Date;
    definition: unknown;
  }>(
    `SELECT id, name, version, "createdAt", "updatedAt", definition FROM "Rule"
      WHERE enabled AND "triggerKind" = ANY($1::"RuleTriggerKind"[]) ORDER BY "createdAt", id`,
    [kinds],
  );
  const rules: TLoadedRule[] = [];
  const invalid: TInvalidRule[] = [];
  for (const row of rows) {
    const parsed = ZRuleDefinition.safeParse(row.definition);
    if (!parsed.success) {
      invalid.push({ id: row.id, name: row.name, error: parsed.error.issues[0]?.message ?? "invalid definition" });
      continue;
    }
    // The stored kind column and the definition must agree; the definition is what acts.
    if (!kinds.includes(parsed.data.trigger.kind)) continue;
    rules.push({ ...row, definition: parsed.data });
  }
  return { rules, invalid };
}

/**
 * How long the hot paths (ingest of every batch, every timeline refresh) reuse what they read
 * about a tenant's rules. A rule created or disabled takes effect on those paths within this time;
 * the engine itself always reads the rules fresh when it fires.
 */
export const RULE_CACHE_MS = 5_000;

const cache = new Map<string, { at: number; rules: TLoadedRule[] }>();

/** `loadEnabledRules`, remembered per tenant and kinds for RULE_CACHE_MS in this process. */
export async function loadEnabledRulesCached(
  client: pg.ClientBase,
  tenantId: string,
  kinds: readonly TRuleTriggerKind[],
  now = Date.now(),
): Promise<TLoadedRule[]> {
  const hit = peekCachedRules(tenantId, kinds, now);
  if (hit) return hit;
  const { rules } = await loadEnabledRules(client, kinds);
  if (cache.size > 10_000) cache.clear();
  cache.set(`${tenantId}|${[...kinds].sort().join(",")}`, { at: now, rules });
  return rules;
}

/** What the cache holds for a tenant now, without a query; undefined when it would have to ask. */
export function peekCachedRules(
  tenantId: string,
  kinds: readonly TRuleTriggerKind[],
  now = Date.now(),
): TLoadedRule[] | undefined {
  const hit = cache.get(`${tenantId}|${[...kinds].sort().join(",")}`);
  return hit && now - hit.at < RULE_CACHE_MS ? hit.rules : undefined;
}

/** Tests that change rules and want the hot paths to see it at once. */
export function forgetCachedRules(): void {
  cache.clear();
}

/** What the event-listening rules of a tenant care about, for ingest to decide what to signal. */
export type TEventInterest = { eventKinds: ReadonlySet<string>; metricTags: ReadonlySet<string> };

export function eventInterestOf(rules: readonly TLoadedRule[]): TEventInterest {
  const eventKinds = new Set<string>();
  const metricTags = new Set<string>();
  for (const rule of rules) {
    const trigger = rule.definition.trigger;
    if (trigger.kind === "EVENT") for (const kind of trigger.eventKinds) eventKinds.add(kind);
    if (trigger.kind === "METRIC_THRESHOLD") metricTags.add(trigger.tag);
  }
  return { eventKinds, metricTags };
}

/** Whether a stored event may fire one of the rules `interest` was built from. */
export function eventInterests(interest: TEventInterest, event: { kind: string; payload: unknown }): boolean {
  if (interest.eventKinds.has(event.kind)) return true;
  if (event.kind !== "telemetry" || interest.metricTags.size === 0) return false;
  const tag = (event.payload as { tag?: unknown } | null)?.tag;
  return typeof tag === "string" && interest.metricTags.has(tag);
}
