import type { TSafetyCultureConfig } from "./config";
import type { TMappedDelivery, TMappingContext, TWebhookEventItem } from "./mapped-delivery";
import {
  describeValue,
  fitDedupeKey,
  fitNote,
  fitReason,
  isRecord,
  listValues,
  numberValue,
  readFirst,
  readPath,
  sameName,
  scalarText,
  timeValue,
} from "./record-fields";

/**
 * Maps SafetyCulture webhook notifications to operator activity events:
 *
 * - a completed inspection (`TRIGGER_EVENT_INSPECTION_COMPLETED`, `…_COMPLETED_STATUS`, legacy
 *   `audit_completed`) → INSPECTION_PASSED, INSPECTION_FAILED (score below the pass score, or any
 *   failed response) or, for configured checklist templates, CHECKLIST_DONE;
 * - a created action or issue (`TRIGGER_EVENT_ACTION_CREATED`, `TRIGGER_EVENT_INCIDENT_CREATED`)
 *   → ISSUE_RAISED.
 *
 * SafetyCulture has sent two payload layouts: the full inspection (`data.audit`, with `audit_data`,
 * `template_data` and every item's response) and the lightweight v3 one (`resource` plus
 * `data.details`). Each field is therefore looked up at every place it is known to live. Anything
 * else is dead-lettered with the reason, never dropped.
 */

const INSPECTION_COMPLETED = [
  "TRIGGER_EVENT_INSPECTION_COMPLETED",
  "TRIGGER_EVENT_INSPECTION_COMPLETED_STATUS",
  "audit_completed",
];
const ISSUE_CREATED = ["TRIGGER_EVENT_ACTION_CREATED", "TRIGGER_EVENT_INCIDENT_CREATED"];

const FIELDS = {
  inspectionId: ["data.audit.audit_id", "data.details.inspection_id", "resource.id"],
  issueId: [
    "resource.id",
    "data.details.action_id",
    "data.details.task_id",
    "data.details.incident_id",
    "data.details.id",
  ],
  title: ["data.audit.audit_data.name", "data.details.name", "data.details.title"],
  issueTitle: ["data.details.title", "data.action.title", "data.task.title", "data.details.name"],
  issuePriority: ["data.details.priority", "data.action.priority"],
  templateName: ["data.template.name", "data.audit.template_data.metadata.name", "data.details.template_name"],
  templateId: ["data.audit.template_id", "data.details.template_id", "data.template.template_id"],
  siteName: ["data.audit.audit_data.site.name", "data.details.site.name", "data.details.site_name"],
  siteId: ["data.details.site_id", "data.details.site.id"],
  assetName: ["data.details.asset.name", "data.details.asset_name"],
  assetId: ["data.details.asset_id", "data.details.asset.id"],
  score: ["data.audit.audit_data.score", "data.details.score.score"],
  maxScore: ["data.audit.audit_data.total_score", "data.details.score.max_score", "data.details.score.total_score"],
  scorePercent: ["data.audit.audit_data.score_percentage", "data.details.score.score_percentage"],
  completedAt: [
    "data.audit.audit_data.date_completed",
    "data.details.date_completed",
    "data.details.modify_time",
    "event.date_triggered",
  ],
  modifiedAt: [
    "data.audit.modified_at",
    "data.audit.audit_data.date_modified",
    "data.details.modify_time",
    "event.date_triggered",
  ],
  createdAt: [
    "data.details.created_at",
    "data.details.create_time",
    "data.details.modify_time",
    "event.date_triggered",
  ],
} as const;

type TContext = TMappingContext & { body: Record<string, unknown>; config: TSafetyCultureConfig };

export function mapSafetyCultureDelivery(
  body: unknown,
  config: TSafetyCultureConfig,
  context: TMappingContext,
): TMappedDelivery {
  if (!isRecord(body)) {
    return reject(body, `expected a SafetyCulture webhook (a JSON object with event.event_types), got ${kindOf(body)}`);
  }
  const eventTypes = readPath(body, "event.event_types");
  const types = Array.isArray(eventTypes) ? eventTypes.filter((type): type is string => typeof type === "string") : [];
  if (types.length === 0) {
    return reject(
      body,
      `missing event.event_types: this is not a SafetyCulture webhook payload. For other senders set the connector's format to "generic"`,
    );
  }
  const ctx: TContext = { ...context, body, config };
  if (types.some((type) => INSPECTION_COMPLETED.includes(type))) return mapInspection(ctx);
  if (types.some((type) => ISSUE_CREATED.includes(type))) return mapIssue(ctx);
  return reject(
    body,
    `SafetyCulture event ${listValues(types, 5)} is not mapped: this connector records completed inspections ` +
      `(${INSPECTION_COMPLETED.slice(0, 2).join(", ")}) and created actions or issues (${ISSUE_CREATED.join(", ")}). ` +
      "Remove other trigger events from the SafetyCulture webhook",
  );
}

function mapInspection(ctx: TContext): TMappedDelivery {
  const { body, config } = ctx;
  const inspectionId = text(body, FIELDS.inspectionId);
  if (!inspectionId)
    return reject(body, `completed inspection without an id (looked in ${FIELDS.inspectionId.join(", ")})`);
  for (const field of ["data.audit.audit_data.date_completed", "data.details.date_completed"]) {
    if (readPath(body, field) === null) {
      return reject(body, `inspection ${inspectionId} is not completed (${field} is null): nothing to record`);
    }
  }
  const completedAt = time(body, FIELDS.completedAt);
  if (!completedAt) {
    return reject(
      body,
      `inspection ${inspectionId} has no readable completion time (looked in ${FIELDS.completedAt.join(", ")})`,
    );
  }
  const subject = describeSubject(body);
  const workCenter = resolveWorkCenter(subject, config);
  if (!workCenter.ok) return reject(body, `inspection ${inspectionId}: ${workCenter.reason}`);

  const score = readScore(body);
  const failedItems = readFailedItems(body);
  const belowPass =
    score.percent !== undefined && config.passScorePercent > 0 && score.percent < config.passScorePercent;
  const failed = belowPass || (config.failOnFailedItems && failedItems.length > 0);
  const checklist = config.checklistTemplates.some(
    (row) =>
      (subject.templateName && sameName(row.match, subject.templateName)) ||
      (subject.templateId && sameName(row.match, subject.templateId)),
  );
  const type = failed ? "INSPECTION_FAILED" : checklist ? "CHECKLIST_DONE" : "INSPECTION_PASSED";

  const title = text(body, FIELDS.title);
  const parts = [
    `${subject.templateName ?? "Inspection"}${title && title !== subject.templateName ? ` "${title}"` : ""} completed`,
    score.percent === undefined
      ? "unscored"
      : `score ${score.score !== undefined && score.max !== undefined ? `${round(score.score)}/${round(score.max)} ` : ""}(${round(score.percent)} %)${belowPass ? `, below the pass score of ${config.passScorePercent} %` : ""}`,
    failedItems.length === 0
      ? undefined
      : `${failedItems.length} failed item${failedItems.length > 1 ? "s" : ""}: ${failedItems.slice(0, 10).join("; ")}${failedItems.length > 10 ? "; …" : ""}`,
    subject.siteName ? `site ${subject.siteName}` : undefined,
    subject.assetName ? `asset ${subject.assetName}` : undefined,
    `SafetyCulture ${inspectionId}`,
  ];
  const modifiedAt = time(body, FIELDS.modifiedAt) ?? completedAt;
  const event: TWebhookEventItem = {
    kind: "operator.activity",
    workCenterId: workCenter.workCenterId,
    eventTime: completedAt.toISOString(),
    sourceId: ctx.sourceId,
    // SafetyCulture retries a delivery up to four times; an edited and re-completed inspection is a new event.
    dedupeKey: fitDedupeKey(`safetyculture:${inspectionId}:inspection-completed:${modifiedAt.toISOString()}`),
    payload: { type, note: fitNote(parts.filter((part) => part !== undefined).join(" — ")) },
  };
  return { items: [event], rejected: [] };
}

function mapIssue(ctx: TContext): TMappedDelivery {
  const { body, config } = ctx;
  const issueId = text(body, FIELDS.issueId);
  if (!issueId) return reject(body, `created action or issue without an id (looked in ${FIELDS.issueId.join(", ")})`);
  const createdAt = time(body, FIELDS.createdAt);
  if (!createdAt) {
    return reject(
      body,
      `action or issue ${issueId} has no readable creation time (looked in ${FIELDS.createdAt.join(", ")})`,
    );
  }
  const subject = describeSubject(body);
  const workCenter = resolveWorkCenter(subject, config);
  if (!workCenter.ok) return reject(body, `action or issue ${issueId}: ${workCenter.reason}`);

  const resourceType = text(body, ["resource.type"])?.toUpperCase();
  const noun = resourceType === "INCIDENT" ? "Issue" : "Action";
  const title = text(body, FIELDS.issueTitle);
  const priority = text(body, FIELDS.issuePriority);
  const parts = [
    `${noun}${title ? ` "${title}"` : ""} raised in SafetyCulture`,
    priority ? `priority ${priority}` : undefined,
    subject.siteName ? `site ${subject.siteName}` : undefined,
    subject.assetName ? `asset ${subject.assetName}` : undefined,
    `SafetyCulture ${issueId}`,
  ];
  const event: TWebhookEventItem = {
    kind: "operator.activity",
    workCenterId: workCenter.workCenterId,
    eventTime: createdAt.toISOString(),
    sourceId: ctx.sourceId,
    dedupeKey: fitDedupeKey(`safetyculture:${issueId}:issue-raised`),
    payload: { type: "ISSUE_RAISED", note: fitNote(parts.filter((part) => part !== undefined).join(" — ")) },
  };
  return { items: [event], rejected: [] };
}

type TSubject = {
  assetName?: string | undefined;
  assetId?: string | undefined;
  siteName?: string | undefined;
  siteId?: string | undefined;
  templateName?: string | undefined;
  templateId?: string | undefined;
};

function describeSubject(body: Record<string, unknown>): TSubject {
  return {
    assetName: text(body, FIELDS.assetName),
    assetId: text(body, FIELDS.assetId),
    siteName: text(body, FIELDS.siteName),
    siteId: text(body, FIELDS.siteId),
    templateName: text(body, FIELDS.templateName),
    templateId: text(body, FIELDS.templateId),
  };
}

/** Most specific first: an asset is a machine, a site a whole plant, a template a kind of check. */
function resolveWorkCenter(
  subject: TSubject,
  config: TSafetyCultureConfig,
): { ok: true; workCenterId: string } | { ok: false; reason: string } {
  const candidates: [string, string | undefined][] = [
    ["asset", subject.assetName],
    ["asset", subject.assetId],
    ["site", subject.siteName],
    ["site", subject.siteId],
    ["template", subject.templateName],
    ["template", subject.templateId],
  ];
  for (const [, value] of candidates) {
    if (value === undefined) continue;
    const row = config.workCenters.find((entry) => sameName(entry.match, value));
    if (row) return { ok: true, workCenterId: row.workCenterId };
  }
  if (config.fallbackWorkCenterId) return { ok: true, workCenterId: config.fallbackWorkCenterId };
  const seen = candidates
    .filter((candidate): candidate is [string, string] => candidate[1] !== undefined)
    .map(([what, value]) => `${what} ${JSON.stringify(value)}`);
  return {
    ok: false,
    reason:
      `no work center mapping matches ${seen.length > 0 ? seen.join(", ") : "(the payload names no asset, site or template)"}; ` +
      `configured matches: ${listValues(config.workCenters.map((row) => row.match))}. ` +
      "Add a row under Work centers (or set a fallback work center), then retry this dead letter",
  };
}

function readScore(body: Record<string, unknown>): { score?: number; max?: number; percent?: number } {
  const score = number(body, FIELDS.score);
  const max = number(body, FIELDS.maxScore);
  const percent = number(body, FIELDS.scorePercent) ?? (score !== undefined && max ? (100 * score) / max : undefined);
  // An inspection without scored questions reports 0 of 0: that is "unscored", not "0 %".
  if (max === 0 || (max === undefined && percent === undefined)) return {};
  return { score, max, percent };
}

/** Labels of failed responses in the full inspection layout (`responses.failed`), skipping hidden items. */
function readFailedItems(body: Record<string, unknown>): string[] {
  const labels: string[] = [];
  for (const list of ["data.audit.header_items", "data.audit.items"]) {
    const items = readPath(body, list);
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      if (!isRecord(item) || item.inactive === true) continue;
      if (readPath(item, "responses.failed") !== true) continue;
      labels.push(scalarText(item.label) ?? scalarText(item.item_id) ?? "(unlabelled item)");
    }
  }
  return labels;
}

const text = (body: unknown, paths: readonly string[]) => scalarText(readFirst(body, paths)?.value);
const number = (body: unknown, paths: readonly string[]) => numberValue(readFirst(body, paths)?.value);
const time = (body: unknown, paths: readonly string[]) => {
  for (const path of paths) {
    const value = timeValue(readPath(body, path), "milliseconds");
    if (value) return value;
  }
  return undefined;
};
const round = (value: number) => Math.round(value * 10) / 10;

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return `a ${typeof value} ${describeValue(value)}`;
}

function reject(payload: unknown, reason: string): TMappedDelivery {
  return { items: [], rejected: [{ stage: "mapping", reason: fitReason(`SafetyCulture: ${reason}`), payload }] };
}
