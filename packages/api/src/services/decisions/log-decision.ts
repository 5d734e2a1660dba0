import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Prisma } from "@gemba/db/client";
import { findDraftProblems } from "@gemba/domain/decisions/decision-draft";
import { reviewTaskKey, TASK_SOURCES } from "@gemba/domain/decisions/decision-kinds";
import { AppError } from "@gemba/domain/errors";
import type { TenantActor } from "../scope";
import { insertTaskOnce } from "../tasks/insert-task";
import { captureContextSnapshot } from "./capture-context-snapshot";
import type { TLogDecisionInput } from "./decision-inputs";
import {
  resolveEvidence,
  resolveSituation,
  resolveWorkCenter,
  type TResolvedLink,
  type TResolvedSituation,
  type TResolvedWorkCenter,
} from "./resolve-references";

export type TLoggedDecision = {
  decisionId: string;
  /** False when the same request (same idempotency key) had already been stored. */
  created: boolean;
  reviewTaskId: string | null;
};

/**
 * Records a decision: who, when, what, why, the options weighed, the constraints, the evidence and
 * the expected outcome. Logged from a situation, it links the situation and freezes the context the
 * decider saw. A review date creates the decider's follow-up task. All of it, and its audit entries,
 * in one transaction.
 */
export async function logDecision(
  actor: TenantActor,
  input: TLogDecisionInput,
  now = Date.now(),
): Promise<TLoggedDecision> {
  const { tx, tenantId, userId } = actor;
  if (input.idempotencyKey) {
    const earlier = await findByKey(actor, input.idempotencyKey);
    if (earlier) return earlier;
  }

  // References first: an id of another plant is "not found", whatever else the draft lacks.
  const workCenter = input.workCenterId ? await resolveWorkCenter(tx, input.workCenterId) : null;
  const situation = input.situation ? await resolveSituation(tx, tenantId, input.situation) : null;
  const evidence = await resolveEvidence(tx, tenantId, input.links);

  const problems = findDraftProblems(input, now);
  const firstProblem = problems[0];
  if (firstProblem) throw new AppError("BAD_REQUEST", firstProblem.message);

  const focusWorkCenter = situation?.workCenter ?? workCenter;
  const focus = focusWorkCenter
    ? await focusOf(actor, focusWorkCenter)
    : { line: situation?.line ?? null, workCenter: null };
  const snapshot = await captureContextSnapshot(tx, focus, now);
  const links = mergeLinks(situation, evidence);

  const [inserted] = await tx.decision.createManyAndReturn({
    data: [
      {
        tenantId,
        title: input.title,
        rationale: input.rationale,
        options: input.options.map((option) => ({
          label: option.label,
          chosen: option.chosen,
          note: option.note || null,
        })),
        expectedOutcome: input.expectedOutcome,
        reviewAt: input.reviewAt ? new Date(input.reviewAt) : null,
        situationKind: situation?.kind ?? null,
        situationRef: situation?.ref ?? null,
        contextSnapshot: snapshot as unknown as Prisma.InputJsonValue,
        workCenterId: workCenter?.id ?? situation?.workCenter?.id ?? null,
        decidedById: userId,
        decidedAt: new Date(now),
        idempotencyKey: input.idempotencyKey ?? null,
      },
    ],
    // A concurrent request with the same key: Postgres lets one insert and the other find it.
    skipDuplicates: true,
    select: { id: true },
  });
  if (!inserted) {
    const earlier = input.idempotencyKey ? await findByKey(actor, input.idempotencyKey) : null;
    if (earlier) return earlier;
    throw new AppError("CONFLICT", "This decision could not be stored. Try again.");
  }
  const decisionId = inserted.id;

  if (input.constraints.length) {
    await tx.decisionConstraint.createMany({
      data: input.constraints.map((constraint) => ({
        tenantId,
        decisionId,
        kind: constraint.kind,
        detail: constraint.detail,
      })),
    });
  }
  if (links.length) {
    await tx.decisionLink.createMany({ data: links.map((link) => ({ tenantId, decisionId, ...link })) });
  }
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "decision.log",
    entityType: "Decision",
    entityId: decisionId,
    summary: `Logged the decision "${input.title}"${situation ? ` about ${situation.link.label}` : ""}`,
    after: {
      title: input.title,
      rationale: input.rationale,
      options: input.options,
      constraints: input.constraints,
      links: links.map((link) => `${link.kind}:${link.ref}`),
      expectedOutcome: input.expectedOutcome,
      reviewAt: input.reviewAt ?? null,
      workCenterId: workCenter?.id ?? situation?.workCenter?.id ?? null,
    },
  });

  let reviewTaskId: string | null = null;
  if (input.reviewAt) {
    const task = await insertTaskOnce(
      tx,
      { tenantId, userId },
      {
        title: `Review the outcome: ${input.title}`.slice(0, 200),
        detail: `Expected: ${input.expectedOutcome}`.slice(0, 2_000),
        assigneeUserId: userId,
        workCenterId: workCenter?.id ?? situation?.workCenter?.id ?? null,
        dueAt: new Date(input.reviewAt),
        source: TASK_SOURCES.decisionReview,
        sourceId: decisionId,
        idempotencyKey: reviewTaskKey(decisionId),
      },
    );
    reviewTaskId = task.id;
    await tx.decision.update({ where: { tenantId_id: { tenantId, id: decisionId } }, data: { reviewTaskId } });
  }
  return { decisionId, created: true, reviewTaskId };
}

async function findByKey(actor: TenantActor, idempotencyKey: string): Promise<TLoggedDecision | null> {
  const earlier = await actor.tx.decision.findUnique({
    where: { tenantId_idempotencyKey: { tenantId: actor.tenantId, idempotencyKey } },
    select: { id: true, decidedById: true, reviewTaskId: true },
  });
  if (!earlier) return null;
  if (earlier.decidedById !== actor.userId) {
    throw new AppError(
      "CONFLICT",
      "This request id was already used for another person's decision. Reload and log it again.",
    );
  }
  return { decisionId: earlier.id, created: false, reviewTaskId: earlier.reviewTaskId };
}

async function focusOf(actor: TenantActor, workCenter: TResolvedWorkCenter | null) {
  if (!workCenter) return { line: null, workCenter: null };
  const line = await actor.tx.line.findFirstOrThrow({
    where: { id: workCenter.lineId },
    select: { id: true, name: true },
  });
  return { line, workCenter: { id: workCenter.id, code: workCenter.code } };
}

/** The situation first, then the evidence; the situation given again as evidence is linked once. */
function mergeLinks(situation: TResolvedSituation | null, evidence: readonly TResolvedLink[]): TResolvedLink[] {
  const all = situation ? [situation.link, ...evidence] : [...evidence];
  const seen = new Set<string>();
  return all.filter((link) => {
    const key = `${link.kind}:${link.ref}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
