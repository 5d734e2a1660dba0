import type { Prisma } from "@gemba/db/client";
import { chosenOptionLabel, readStoredOptions } from "@gemba/domain/decisions/decision-draft";
import type { TConstraintKind, TTaskStatus } from "@gemba/domain/decisions/decision-kinds";
import { decodeListCursor, encodeListCursor } from "@gemba/domain/decisions/list-cursor";
import { AppError } from "@gemba/domain/errors";
import { utcBoundsOf } from "../execution/resolve-local-date-range";
import type { TenantActor } from "../scope";
import { loadPeople, type TPerson } from "../tasks/load-people";
import type { TListDecisionsInput } from "./decision-inputs";
import { plantTimeZone } from "./plant-time";

export type TDecisionListRow = {
  id: string;
  title: string;
  chosenOption: string;
  decidedAt: Date;
  decidedBy: TPerson | null;
  workCenter: { id: string; code: string; name: string } | null;
  situationKind: string | null;
  constraints: { kind: TConstraintKind; detail: string }[];
  reviewAt: Date | null;
  reviewStatus: TTaskStatus | null;
  hasOutcome: boolean;
};

/**
 * Decisions newest first, filtered by constraint kind, work center, plant-local dates and words in
 * the title or rationale, paged by (decidedAt, id) so a page never repeats or skips a decision
 * logged meanwhile. Reads the (tenantId, decidedAt) and (tenantId, workCenterId, decidedAt) indexes.
 */
export async function listDecisions(
  actor: TenantActor,
  input: TListDecisionsInput,
): Promise<{ decisions: TDecisionListRow[]; nextCursor: string | null }> {
  const { tx } = actor;
  if (input.workCenterId) {
    const workCenter = await tx.workCenter.findFirst({ where: { id: input.workCenterId }, select: { id: true } });
    if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  }
  const where: Prisma.DecisionWhereInput[] = [];
  if (input.workCenterId) where.push({ workCenterId: input.workCenterId });
  if (input.constraintKind) where.push({ constraints: { some: { kind: input.constraintKind } } });
  if (input.q) {
    where.push({
      OR: [
        { title: { contains: input.q, mode: "insensitive" } },
        { rationale: { contains: input.q, mode: "insensitive" } },
      ],
    });
  }
  if (input.from || input.to) {
    const timeZone = await plantTimeZone(tx);
    const bounds = utcBoundsOf({ from: input.from ?? "1970-01-01", to: input.to ?? "9999-12-30" }, timeZone);
    where.push({
      decidedAt: {
        ...(input.from ? { gte: new Date(bounds.from) } : {}),
        ...(input.to ? { lt: new Date(bounds.to) } : {}),
      },
    });
  }
  const position = input.cursor ? decodeListCursor(input.cursor) : null;
  if (position) {
    where.push(
      position.id
        ? {
            OR: [{ decidedAt: { lt: position.decidedAt } }, { decidedAt: position.decidedAt, id: { lt: position.id } }],
          }
        : { decidedAt: { lt: position.decidedAt } },
    );
  }

  const rows = await tx.decision.findMany({
    where: { AND: where },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      title: true,
      options: true,
      decidedAt: true,
      decidedById: true,
      situationKind: true,
      reviewAt: true,
      reviewTaskId: true,
      actualOutcome: true,
      workCenter: { select: { id: true, code: true, name: true } },
      constraints: { select: { kind: true, detail: true }, orderBy: { kind: "asc" } },
    },
  });
  const page = rows.slice(0, input.limit);
  const reviewIds = page.flatMap((row) => (row.reviewTaskId ? [row.reviewTaskId] : []));
  const [person, reviews] = await Promise.all([
    loadPeople(
      tx,
      page.map((row) => row.decidedById),
    ),
    reviewIds.length ? tx.task.findMany({ where: { id: { in: reviewIds } }, select: { id: true, status: true } }) : [],
  ]);
  const reviewStatus = new Map(reviews.map((review) => [review.id, review.status]));
  const last = page[page.length - 1];
  return {
    decisions: page.map((row) => ({
      id: row.id,
      title: row.title,
      chosenOption: chosenOptionLabel(readStoredOptions(row.options), row.title),
      decidedAt: row.decidedAt,
      decidedBy: person(row.decidedById),
      workCenter: row.workCenter,
      situationKind: row.situationKind,
      constraints: row.constraints,
      reviewAt: row.reviewAt,
      reviewStatus: row.reviewTaskId ? (reviewStatus.get(row.reviewTaskId) ?? null) : null,
      hasOutcome: row.actualOutcome !== null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeListCursor(last) : null,
  };
}
