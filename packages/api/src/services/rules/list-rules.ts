import type { Tx } from "@gemba/db/tenant-scope";
import { addReferences, emptyReferences, loadRuleLabels } from "./rule-references";
import { readDefinition, ruleSelect, viewRule } from "./rule-view";

const DAY_MS = 86_400_000;

type TLastRun = { ruleId: string; firedAt: Date; status: string; summary: string; error: string | null };

/**
 * The rules of the plant, each with its trigger in words, when it last fired and how often it
 * fired and failed in the last 24 hours: what a manager scans to see whether automation is healthy.
 */
export async function listRules(tx: Tx, now = Date.now()) {
  const rows = await tx.rule.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: ruleSelect });
  const references = emptyReferences();
  for (const row of rows) {
    const { definition } = readDefinition(row.definition);
    if (definition) addReferences(references, definition);
  }
  const since = new Date(now - DAY_MS);
  const [labels, counts, lastRuns] = await Promise.all([
    loadRuleLabels(tx, references),
    tx.ruleRun.groupBy({
      by: ["ruleId", "status"],
      where: { firedAt: { gte: since } },
      _count: { _all: true },
    }),
    // Newest run per rule; RLS keeps it to the tenant.
    tx.$queryRaw<TLastRun[]>`
      SELECT DISTINCT ON ("ruleId") "ruleId", "firedAt", status::text AS status, summary, error
        FROM "RuleRun" ORDER BY "ruleId", "firedAt" DESC, id DESC`,
  ]);
  const lastByRule = new Map(lastRuns.map((run) => [run.ruleId, run]));
  return rows.map((row) => {
    const mine = counts.filter((count) => count.ruleId === row.id);
    const last = lastByRule.get(row.id);
    return {
      ...viewRule(row, labels),
      lastRun: last ? { firedAt: last.firedAt, status: last.status, summary: last.summary, error: last.error } : null,
      runs24h: mine.reduce((sum, count) => sum + count._count._all, 0),
      failures24h: mine.find((count) => count.status === "FAILED")?._count._all ?? 0,
    };
  });
}

export type TRuleListItem = Awaited<ReturnType<typeof listRules>>[number];
