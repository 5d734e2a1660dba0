import type { Tx } from "@gemba/db/tenant-scope";
import { z } from "zod";
import { afterPosition, decodePosition, pageOf } from "./list-position";
import type { TRunsInput } from "./rule-inputs";
import { findRuleOrThrow } from "./rule-view";

/** What the engine records per action of a run; read defensively, an odd entry still shows. */
const ZActionOutcome = z.object({
  index: z.int().catch(0),
  kind: z.string().catch("UNKNOWN"),
  status: z.string().catch("UNKNOWN"),
  ref: z.string().nullable().optional().catch(null),
  error: z.string().nullable().optional().catch(null),
});

function actionOutcomes(stored: unknown) {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = ZActionOutcome.safeParse(entry);
    return parsed.success ? [{ ...parsed.data, ref: parsed.data.ref ?? null, error: parsed.data.error ?? null }] : [];
  });
}

/**
 * Run history, newest first: of one rule or of all. Each run says what fired it, what each action
 * did and, for a failure, the error to act on.
 */
export async function listRuleRuns(tx: Tx, input: TRunsInput) {
  if (input.ruleId) await findRuleOrThrow(tx, input.ruleId);
  const position = decodePosition(input.cursor);
  const rows = await tx.ruleRun.findMany({
    where: {
      ...(input.ruleId ? { ruleId: input.ruleId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...afterPosition("firedAt", position),
    },
    orderBy: [{ firedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      ruleId: true,
      ruleVersion: true,
      signalKind: true,
      workCenterId: true,
      triggeredAt: true,
      firedAt: true,
      finishedAt: true,
      summary: true,
      status: true,
      actions: true,
      error: true,
      rule: { select: { name: true } },
    },
  });
  const { items, nextCursor } = pageOf(rows, input.limit, (row) => row.firedAt);
  const workCenterIds = [...new Set(items.flatMap((row) => (row.workCenterId ? [row.workCenterId] : [])))];
  const workCenters = await tx.workCenter.findMany({
    where: { id: { in: workCenterIds } },
    select: { id: true, code: true },
  });
  const codes = new Map(workCenters.map((workCenter) => [workCenter.id, workCenter.code]));
  return {
    items: items.map(({ rule, actions, ...row }) => ({
      ...row,
      ruleName: rule.name,
      workCenterCode: row.workCenterId ? (codes.get(row.workCenterId) ?? null) : null,
      actions: actionOutcomes(actions),
    })),
    nextCursor,
  };
}

export type TRuleRunItem = Awaited<ReturnType<typeof listRuleRuns>>["items"][number];
