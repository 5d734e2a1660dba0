import { mergeTimeline, type TTimelineItem, type TTimelineKind } from "@gemba/domain/decisions/why-timeline";
import type { TenantActor } from "../scope";
import type { TWhyInput } from "./decision-inputs";
import { loadEventEntries, loadReasonEntries, loadStateEntries, type TEntries } from "./why-machine-entries";
import { loadDecisionEntries, loadTaskEntries } from "./why-people-entries";
import { resolveWhyScope, type TWhySubject } from "./why-subject";

export type TWhyTimeline = {
  subject: TWhySubject;
  items: TTimelineItem[];
  counts: Record<TTimelineKind, number>;
  truncated: boolean;
};

const none: TEntries = { items: [], truncated: false };

/**
 * "Why did this happen?" for a downtime, an order or a decision: one timeline, newest first, of
 * the work center's events and state changes in a bounded window, the reasons given, the
 * decisions (with their constraints and outcomes) and the tasks around it.
 */
export async function explainWhy(actor: TenantActor, input: TWhyInput, now = Date.now()): Promise<TWhyTimeline> {
  const { tx, tenantId } = actor;
  const scope = await resolveWhyScope(tx, tenantId, input, now);
  const workCenter = scope.subject.workCenter;
  const decisions = await loadDecisionEntries(tx, scope);
  const [events, states, reasons, tasks] = await Promise.all([
    workCenter ? loadEventEntries(tx, workCenter, scope.window) : none,
    workCenter ? loadStateEntries(tx, workCenter, scope.window) : none,
    workCenter ? loadReasonEntries(tx, workCenter, scope.stop ?? { window: scope.window }) : none,
    loadTaskEntries(tx, { ...scope, taskIds: [...scope.taskIds, ...decisions.reviewTaskIds] }),
  ]);
  const sources = [decisions, tasks, reasons, states, events];
  const merged = mergeTimeline(
    sources.map((source) => source.items),
    { kinds: input.kinds, sourcesTruncated: sources.some((source) => source.truncated) },
  );
  return { subject: scope.subject, ...merged };
}
