import type { Tx } from "@gemba/db/tenant-scope";
import { readStoredSteps } from "@gemba/domain/checklists/checklist-steps";
import { AppError } from "@gemba/domain/errors";
import { loadPeople } from "../tasks/load-people";
import { loadVersion, TEMPLATE_NOT_FOUND } from "./checklist-actor";

export type TTemplateDetail = Awaited<ReturnType<typeof getTemplate>>;

/**
 * A template for its editor: the details, one version's steps (the current one unless asked
 * otherwise) and the whole version history with who published each and how many runs used it.
 */
export async function getTemplate(
  tx: Tx,
  tenantId: string,
  input: { templateId: string; version?: number | undefined },
) {
  const template = await tx.checklistTemplate.findFirst({
    where: { id: input.templateId },
    select: {
      id: true,
      name: true,
      description: true,
      lineId: true,
      currentVersion: true,
      archivedAt: true,
      createdAt: true,
    },
  });
  if (!template) throw new AppError("NOT_FOUND", TEMPLATE_NOT_FOUND);
  const shown = await loadVersion(tx, tenantId, template.id, input.version ?? template.currentVersion);
  const [line, versions, runsPerVersion, openRuns] = await Promise.all([
    template.lineId
      ? tx.line.findFirst({ where: { id: template.lineId }, select: { id: true, code: true, name: true } })
      : null,
    tx.checklistTemplateVersion.findMany({
      where: { templateId: template.id },
      orderBy: { version: "desc" },
      select: { version: true, steps: true, requireSignOff: true, createdAt: true, createdById: true },
    }),
    tx.checklistRun.groupBy({ by: ["version"], where: { templateId: template.id }, _count: { _all: true } }),
    tx.checklistRun.count({ where: { templateId: template.id, status: "IN_PROGRESS" } }),
  ]);
  const personOf = await loadPeople(
    tx,
    versions.map((version) => version.createdById),
  );
  const runsOf = new Map(runsPerVersion.map((row) => [row.version, row._count._all]));
  return {
    id: template.id,
    name: template.name,
    description: template.description ?? "",
    line: line ?? null,
    currentVersion: template.currentVersion,
    archivedAt: template.archivedAt,
    createdAt: template.createdAt,
    /** Runs still in progress (on any version): they keep their version when a new one is published. */
    openRuns,
    shown,
    versions: versions.map((version) => ({
      version: version.version,
      publishedAt: version.createdAt,
      publishedBy: personOf(version.createdById),
      stepCount: readStoredSteps(version.steps).length,
      requireSignOff: version.requireSignOff,
      runs: runsOf.get(version.version) ?? 0,
    })),
  };
}
