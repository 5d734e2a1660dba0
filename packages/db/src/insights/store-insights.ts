import { isSuppressed, type TFeedbackCounts, weightedConfidence } from "@gemba/domain/insights/feedback-weight";
import { type TInsightDraft, type TInsightKind, ZInsightDraft } from "@gemba/domain/insights/insight";
import { recordAutomationSignal } from "../automation/record-signal";
import type { Tx } from "../tenant-scope";

export type TCreatedInsight = { id: string; kind: TInsightKind; workCenterId: string | null; title: string };

export type TStoreInsightsResult = {
  created: TCreatedInsight[];
  /** Seen again: evidence, explanation and confidence refreshed, status and people's input kept. */
  updated: number;
  /** Drafts of detectors the tenant switched off: not stored. */
  disabled: number;
  /** Stored (they can be looked at) but without a rule signal: people voted the detector down. */
  suppressed: number;
  /** Automation outbox ids to wake the engine with after commit. */
  signalIds: string[];
};

/**
 * Stores what detectors found, in the caller's tenant transaction. The same finding (same
 * `dedupeKey`) updates its insight instead of adding one: an open anomaly seen on every pass is
 * one insight whose span grows. Each new insight of a detector the tenant has not voted down
 * writes an `insight.created` signal to the automation outbox in the same transaction, so a rule
 * fires exactly when the insight exists.
 */
export async function storeInsightDrafts(
  tx: Tx,
  input: { tenantId: string; now: number; drafts: readonly TInsightDraft[] },
): Promise<TStoreInsightsResult> {
  const result: TStoreInsightsResult = { created: [], updated: 0, disabled: 0, suppressed: 0, signalIds: [] };
  if (input.drafts.length === 0) return result;
  const drafts = input.drafts.map((draft) => ZInsightDraft.parse(draft));
  const kinds = [...new Set(drafts.map((draft) => draft.kind))];
  const disabled = new Set(
    (await tx.detectorSetting.findMany({ where: { kind: { in: kinds }, enabled: false }, select: { kind: true } })).map(
      (setting) => setting.kind,
    ),
  );
  const votes = await feedbackByKind(tx);
  const now = new Date(input.now);

  for (const draft of drafts) {
    if (disabled.has(draft.kind)) {
      result.disabled += 1;
      continue;
    }
    const counts = votes.get(draft.kind) ?? { useful: 0, notUseful: 0 };
    const stored = await upsertInsight(tx, input.tenantId, draft, weightedConfidence(draft.confidence, counts), now);
    if (!stored.inserted) {
      result.updated += 1;
      continue;
    }
    const created = { id: stored.id, kind: draft.kind, workCenterId: draft.subject.workCenterId, title: draft.title };
    result.created.push(created);
    if (isSuppressed(counts)) {
      result.suppressed += 1;
      continue;
    }
    const signalId = await recordAutomationSignal(tx, {
      tenantId: input.tenantId,
      kind: "insight.created",
      key: `insight:${stored.id}`,
      payload: {
        insightId: stored.id,
        insightKind: draft.kind,
        workCenterId: created.workCenterId,
        title: draft.title,
      },
      occurredAt: now,
    });
    if (signalId) result.signalIds.push(signalId);
  }
  return result;
}

/** Useful / not-useful votes per detector kind, over all of the tenant's insights. */
export async function feedbackByKind(tx: Tx): Promise<Map<TInsightKind, TFeedbackCounts>> {
  const rows = await tx.$queryRaw<{ kind: TInsightKind; useful: number; notUseful: number }[]>`
    SELECT i.kind::text AS kind,
           count(*) FILTER (WHERE f.useful)::int AS useful,
           count(*) FILTER (WHERE NOT f.useful)::int AS "notUseful"
      FROM "InsightFeedback" f
      JOIN "Insight" i ON i."tenantId" = f."tenantId" AND i.id = f."insightId"
     GROUP BY i.kind`;
  return new Map(rows.map((row) => [row.kind, { useful: row.useful, notUseful: row.notUseful }]));
}

/**
 * Insert, or refresh what the detector says now. The span keeps its first start (the finding
 * began then) and takes the latest end; status, dismissal and feedback belong to people.
 */
async function upsertInsight(
  tx: Tx,
  tenantId: string,
  draft: TInsightDraft,
  confidence: number,
  now: Date,
): Promise<{ id: string; inserted: boolean }> {
  const rows = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
    INSERT INTO "Insight" ("tenantId", kind, "subjectKind", "subjectId", "workCenterId", "lineId", "dedupeKey",
                           title, explanation, recommendation, evidence, confidence, "spanStart", "spanEnd",
                           "detectedAt", "updatedAt")
    VALUES (${tenantId}::uuid, ${draft.kind}::"InsightKind", ${draft.subject.kind}, ${draft.subject.id}::uuid,
            ${draft.subject.workCenterId}::uuid, ${draft.subject.lineId}::uuid, ${draft.dedupeKey},
            ${draft.title}, ${draft.explanation}, ${draft.recommendation}, ${JSON.stringify(draft.evidence)}::jsonb,
            ${confidence}, ${new Date(draft.spanStart)},
            ${draft.spanEnd === null ? null : new Date(draft.spanEnd)}, ${now}, ${now})
    ON CONFLICT ("tenantId", "dedupeKey") DO UPDATE SET
      title = EXCLUDED.title,
      explanation = EXCLUDED.explanation,
      recommendation = EXCLUDED.recommendation,
      evidence = EXCLUDED.evidence,
      confidence = EXCLUDED.confidence,
      "spanStart" = LEAST("Insight"."spanStart", EXCLUDED."spanStart"),
      "spanEnd" = EXCLUDED."spanEnd",
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING id::text AS id, (xmax = 0) AS inserted`;
  const row = rows[0];
  if (!row) throw new Error(`The insight ${draft.dedupeKey} was neither inserted nor updated.`);
  return row;
}
