import type { z } from "zod";
import { type TCanonicalEvent, ZCanonicalEvent } from "./canonical-events";

export type ParsedEvent = { ok: true; event: TCanonicalEvent } | { ok: false; reason: string };

/**
 * Turns one item as it arrives over a queue or HTTP (JSON: the event time is an ISO string or
 * epoch milliseconds) into a canonical event, or a reason a person can act on. Never throws:
 * a bad item must be dead-lettered, not crash the batch it came in.
 */
export function parseCanonicalEvent(raw: unknown, defaults: { sourceId: string }): ParsedEvent {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, reason: "not a JSON object" };
  }
  const candidate: Record<string, unknown> = { sourceId: defaults.sourceId, ...raw };
  if (candidate.sourceId !== defaults.sourceId) {
    return { ok: false, reason: `sourceId "${String(candidate.sourceId)}" does not belong to this source` };
  }
  const time = candidate.eventTime;
  if (typeof time === "string" || typeof time === "number") candidate.eventTime = new Date(time);
  const parsed = ZCanonicalEvent.safeParse(candidate);
  if (parsed.success) return { ok: true, event: parsed.data };
  return { ok: false, reason: describeIssues(parsed.error.issues) };
}

/** "payload.good: good must not exceed total; eventTime: Invalid input" */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || "event"}: ${issue.message}`)
    .join("; ");
}
