import type { Prisma } from "@gemba/db/client";
import { decodeListCursor, encodeListCursor } from "@gemba/domain/decisions/list-cursor";
import { AppError } from "@gemba/domain/errors";
import type { TInsightKind, TInsightStatus } from "@gemba/domain/insights/insight";
import type { TenantActor } from "../scope";
import { loadDetectorStandings } from "./detector-standing";
import type { TListInsightsInput } from "./insight-inputs";
import { nameSubjects, type TInsightSubject } from "./subject-names";

export type TInsightListRow = {
  id: string;
  kind: TInsightKind;
  title: string;
  subject: TInsightSubject;
  confidence: number;
  status: TInsightStatus;
  detectedAt: Date;
  updatedAt: Date;
  spanStart: Date;
  spanEnd: Date | null;
  /** Its detector is switched off or suppressed by feedback (only listed when asked for). */
  suppressed: boolean;
};

export type TInsightList = {
  insights: TInsightListRow[];
  nextCursor: string | null;
  /** Detectors whose insights this list leaves out (switched off or suppressed by feedback). */
  hiddenKinds: TInsightKind[];
};

/**
 * The insights feed, newest first: filtered by kind, line, work center and status, paged by a
 * (detectedAt, id) cursor so an insight found while paging neither repeats nor goes missing.
 */
export async function listInsights(actor: TenantActor, input: TListInsightsInput): Promise<TInsightList> {
  const { tx } = actor;
  const standings = await loadDetectorStandings(tx);
  const hiddenKinds = [...standings.values()].filter((standing) => !standing.shown).map((standing) => standing.kind);
  const kinds = input.includeSuppressed ? undefined : [...standings.values()].filter((s) => s.shown).map((s) => s.kind);
  const after = input.cursor ? decodeListCursor(input.cursor) : null;
  // A filter naming another plant's line or work center is refused, not answered with an empty list.
  if (input.lineId && !(await tx.line.findFirst({ where: { id: input.lineId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "This line does not exist in your plant. Pick one from the list.");
  }
  if (
    input.workCenterId &&
    !(await tx.workCenter.findFirst({ where: { id: input.workCenterId }, select: { id: true } }))
  ) {
    throw new AppError("NOT_FOUND", "This work center does not exist in your plant. Pick one from the list.");
  }

  const where: Prisma.InsightWhereInput = {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(kinds ? { kind: { in: input.kind ? kinds.filter((kind) => kind === input.kind) : kinds } } : {}),
    ...(input.lineId ? { lineId: input.lineId } : {}),
    ...(input.workCenterId ? { workCenterId: input.workCenterId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(after
      ? {
          OR: [
            { detectedAt: { lt: after.decidedAt } },
            ...(after.id ? [{ detectedAt: after.decidedAt, id: { lt: after.id } }] : []),
          ],
        }
      : {}),
  };
  const rows = await tx.insight.findMany({
    where,
    orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      kind: true,
      title: true,
      subjectKind: true,
      subjectId: true,
      workCenterId: true,
      lineId: true,
      confidence: true,
      status: true,
      detectedAt: true,
      updatedAt: true,
      spanStart: true,
      spanEnd: true,
    },
  });
  const page = rows.slice(0, input.limit);
  const subjectOf = await nameSubjects(tx, page);
  const last = page[page.length - 1];
  return {
    insights: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      subject: subjectOf(row),
      confidence: row.confidence,
      status: row.status,
      detectedAt: row.detectedAt,
      updatedAt: row.updatedAt,
      spanStart: row.spanStart,
      spanEnd: row.spanEnd,
      suppressed: !standings.get(row.kind)?.shown,
    })),
    nextCursor:
      rows.length > input.limit && last ? encodeListCursor({ decidedAt: last.detectedAt, id: last.id }) : null,
    hiddenKinds,
  };
}
