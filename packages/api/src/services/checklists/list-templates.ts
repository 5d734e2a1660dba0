import type { Tx } from "@gemba/db/tenant-scope";
import { readStoredSteps } from "@gemba/domain/checklists/checklist-steps";
import type { z } from "zod";
import type { ZListTemplatesInput } from "./checklist-inputs";

const DAY_MS = 86_400_000;

export type TTemplateRow = Awaited<ReturnType<typeof listTemplates>>[number];

/**
 * The plant's checklists for the manager's list: where each applies, its current version and
 * steps, and how it is used (the last run, runs and flagged runs over the past 7 days).
 */
export async function listTemplates(tx: Tx, input: z.infer<typeof ZListTemplatesInput>, now = Date.now()) {
  const templates = await tx.checklistTemplate.findMany({
    where: input.includeArchived ? {} : { archivedAt: null },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, name: true, description: true, lineId: true, currentVersion: true, archivedAt: true },
  });
  if (templates.length === 0) return [];
  const ids = templates.map((template) => template.id);
  const since = new Date(now - 7 * DAY_MS);
  const [versions, lines, runs7, flagged7, lastRuns] = await Promise.all([
    tx.checklistTemplateVersion.findMany({
      where: { OR: templates.map((template) => ({ templateId: template.id, version: template.currentVersion })) },
      select: { templateId: true, steps: true, requireSignOff: true, createdAt: true },
    }),
    tx.line.findMany({
      where: { id: { in: templates.flatMap((template) => (template.lineId ? [template.lineId] : [])) } },
      select: { id: true, code: true, name: true },
    }),
    tx.checklistRun.groupBy({
      by: ["templateId"],
      where: { templateId: { in: ids }, startedAt: { gte: since } },
      _count: { _all: true },
    }),
    tx.checklistRun.groupBy({
      by: ["templateId"],
      where: { templateId: { in: ids }, startedAt: { gte: since }, failedSteps: { gt: 0 } },
      _count: { _all: true },
    }),
    tx.$queryRaw<
      { templateId: string; id: string; startedAt: Date; status: string; failedSteps: number; code: string }[]
    >`
      SELECT DISTINCT ON (r."templateId") r."templateId", r."id", r."startedAt", r."status"::text AS "status",
             r."failedSteps", wc."code"
        FROM "ChecklistRun" r
        JOIN "WorkCenter" wc ON wc."tenantId" = r."tenantId" AND wc."id" = r."workCenterId"
       WHERE r."templateId" = ANY(${ids}::uuid[])
       ORDER BY r."templateId", r."startedAt" DESC`,
  ]);
  const versionOf = new Map(versions.map((version) => [version.templateId, version]));
  const lineOf = new Map(lines.map((line) => [line.id, line]));
  const count = (rows: { templateId: string; _count: { _all: number } }[]) =>
    new Map(rows.map((row) => [row.templateId, row._count._all]));
  const runCount = count(runs7);
  const flaggedCount = count(flagged7);
  const lastRunOf = new Map(lastRuns.map((run) => [run.templateId, run]));
  return templates.map((template) => {
    const version = versionOf.get(template.id);
    const lastRun = lastRunOf.get(template.id);
    return {
      id: template.id,
      name: template.name,
      description: template.description,
      line: template.lineId ? (lineOf.get(template.lineId) ?? null) : null,
      currentVersion: template.currentVersion,
      publishedAt: version?.createdAt ?? null,
      stepCount: version ? readStoredSteps(version.steps).length : 0,
      requireSignOff: version?.requireSignOff ?? true,
      archivedAt: template.archivedAt,
      lastRun: lastRun
        ? {
            id: lastRun.id,
            startedAt: lastRun.startedAt,
            status: lastRun.status,
            failedSteps: lastRun.failedSteps,
            workCenterCode: lastRun.code,
          }
        : null,
      runsLast7Days: runCount.get(template.id) ?? 0,
      flaggedRunsLast7Days: flaggedCount.get(template.id) ?? 0,
    };
  });
}
