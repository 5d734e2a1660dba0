import { AppError } from "@gemba/domain/errors";
import {
  type TInsightEvidence,
  type TInsightKind,
  type TInsightStatus,
  ZInsightEvidence,
} from "@gemba/domain/insights/insight";
import type { TenantActor } from "../scope";
import { loadPeople, type TPerson } from "../tasks/load-people";
import { loadDetectorStandings, type TDetectorStanding } from "./detector-standing";
import { nameSubjects, type TInsightSubject } from "./subject-names";

export type TInsightDetail = {
  id: string;
  kind: TInsightKind;
  title: string;
  explanation: string;
  recommendation: string;
  /** Null when the stored evidence no longer reads as the current shape (kept rather than failing the page). */
  evidence: TInsightEvidence | null;
  confidence: number;
  subject: TInsightSubject;
  spanStart: Date;
  spanEnd: Date | null;
  detectedAt: Date;
  updatedAt: Date;
  status: TInsightStatus;
  statusChangedAt: Date | null;
  statusChangedBy: TPerson | null;
  dismissReason: string | null;
  /** My own answer to "was it useful?", null before I answered. */
  myFeedback: { useful: boolean; note: string | null } | null;
  detector: TDetectorStanding;
  decisions: { id: string; title: string; decidedAt: Date; decidedBy: TPerson | null }[];
};

/** One insight with what it is about, who changed its status, my feedback and the decisions taken on it. */
export async function getInsight(actor: TenantActor, insightId: string): Promise<TInsightDetail> {
  const { tx, userId } = actor;
  const row = await tx.insight.findFirst({
    where: { id: insightId },
    select: {
      id: true,
      kind: true,
      title: true,
      explanation: true,
      recommendation: true,
      evidence: true,
      confidence: true,
      subjectKind: true,
      subjectId: true,
      workCenterId: true,
      lineId: true,
      spanStart: true,
      spanEnd: true,
      detectedAt: true,
      updatedAt: true,
      status: true,
      statusChangedAt: true,
      statusChangedById: true,
      dismissReason: true,
      feedback: { where: { userId }, select: { useful: true, note: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "This insight does not exist in your plant. Open it again from the feed.");

  const links = await tx.decisionLink.findMany({
    where: { kind: "INSIGHT", ref: row.id },
    select: { decisionId: true },
    take: 100,
  });
  const [subjectOf, standings, decisions] = await Promise.all([
    nameSubjects(tx, [row]),
    loadDetectorStandings(tx),
    tx.decision.findMany({
      where: { id: { in: links.map((link) => link.decisionId) } },
      orderBy: { decidedAt: "desc" },
      select: { id: true, title: true, decidedAt: true, decidedById: true },
    }),
  ]);
  const person = await loadPeople(tx, [row.statusChangedById, ...decisions.map((decision) => decision.decidedById)]);
  const evidence = ZInsightEvidence.safeParse(row.evidence);
  const standing = standings.get(row.kind);
  if (!standing) throw new AppError("NOT_FOUND", "This insight's detector is not known to this version of Gemba.");
  const [mine] = row.feedback;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    explanation: row.explanation,
    recommendation: row.recommendation,
    evidence: evidence.success ? evidence.data : null,
    confidence: row.confidence,
    subject: subjectOf(row),
    spanStart: row.spanStart,
    spanEnd: row.spanEnd,
    detectedAt: row.detectedAt,
    updatedAt: row.updatedAt,
    status: row.status,
    statusChangedAt: row.statusChangedAt,
    statusChangedBy: person(row.statusChangedById),
    dismissReason: row.dismissReason,
    myFeedback: mine ?? null,
    detector: standing,
    decisions: decisions.map((decision) => ({
      id: decision.id,
      title: decision.title,
      decidedAt: decision.decidedAt,
      decidedBy: person(decision.decidedById),
    })),
  };
}
