import { nextEscalation } from "@gemba/domain/automation/escalation";
import { renderTemplate } from "@gemba/domain/automation/match-rule";
import type { TRuleAction } from "@gemba/domain/automation/rule-definition";
import type { TRole } from "@gemba/domain/roles";
import type { Prisma } from "../client";
import type { Tx } from "../tenant-scope";
import type { TFiring } from "./firing";

/** What one action of a run did; stored in RuleRun.actions for the rules screen. */
export type TActionOutcome = {
  index: number;
  kind: TRuleAction["kind"];
  status: "DONE" | "FAILED";
  /** The task, checklist run, notification or decision it made or touched. */
  ref: string | null;
  error: string | null;
};

/** Work for after the commit: jobs that remind the worker of what the rows already say. */
export type TFollowUps = {
  escalations: { taskId: string; step: number; dueAt: number }[];
  notifications: { notificationId: string; at: number }[];
};

export type TActionInput = { tx: Tx; tenantId: string; runId: string; firing: TFiring; now: Date };

/** A reason an action could not be done, for the run's record; never a crash of the worker. */
export class ActionFailure extends Error {}

const withIndex = (runId: string, index: number) => `${runId}:${index}`;

/** Every active member holding one of the roles, by e-mail. */
export async function memberEmails(tx: Tx, roles: readonly TRole[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const members = await tx.membership.findMany({
    where: { role: { in: [...roles] }, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((member) => member.user.email);
}

async function createTask(
  input: TActionInput,
  action: Extract<TRuleAction, { kind: "CREATE_TASK" }>,
  index: number,
  followUps: TFollowUps,
): Promise<string> {
  const { tx, tenantId, runId, firing, now } = input;
  const next = nextEscalation(action.escalation, 0, now.getTime());
  const detail = renderTemplate(action.detail, firing.values).trim();
  const [task] = await tx.task.createManyAndReturn({
    data: [
      {
        tenantId,
        title: renderTemplate(action.title, firing.values).slice(0, 200),
        detail: detail || firing.summary,
        priority: action.priority,
        assigneeRole: action.assigneeRole,
        workCenterId: firing.workCenterId,
        dueAt: action.dueInMinutes ? new Date(now.getTime() + action.dueInMinutes * 60_000) : null,
        source: "rule",
        sourceId: runId,
        idempotencyKey: withIndex(runId, index),
        escalation: action.escalation.length > 0 ? action.escalation : undefined,
        escalationStep: 0,
        nextEscalationAt: next ? new Date(next.dueAt) : null,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  const taskId =
    task?.id ??
    (
      await tx.task.findUniqueOrThrow({
        where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: withIndex(runId, index) } },
        select: { id: true },
      })
    ).id;
  if (next) followUps.escalations.push({ taskId, step: next.step, dueAt: next.dueAt });
  return taskId;
}

async function startChecklist(
  input: TActionInput,
  action: Extract<TRuleAction, { kind: "START_CHECKLIST" }>,
  index: number,
): Promise<string> {
  const { tx, tenantId, runId, firing } = input;
  const workCenterId = firing.workCenterId ?? onlyWorkCenterOf(firing);
  if (!workCenterId) throw new ActionFailure("no work center to start the checklist at");
  const template = await tx.checklistTemplate.findFirst({
    where: { id: action.templateId },
    select: { name: true, currentVersion: true, archivedAt: true, lineId: true },
  });
  if (!template) throw new ActionFailure("the checklist template no longer exists");
  if (template.archivedAt) throw new ActionFailure(`the checklist "${template.name}" is archived`);
  if (template.lineId) {
    const workCenter = await tx.workCenter.findFirst({ where: { id: workCenterId }, select: { lineId: true } });
    if (workCenter && workCenter.lineId !== template.lineId) {
      throw new ActionFailure(`the checklist "${template.name}" is for another line`);
    }
  }
  const [run] = await tx.checklistRun.createManyAndReturn({
    data: [
      {
        tenantId,
        templateId: action.templateId,
        version: template.currentVersion,
        workCenterId,
        orderId: firing.orderId,
        source: "rule",
        ruleRunId: runId,
        idempotencyKey: `rule:${withIndex(runId, index)}`,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!run) throw new ActionFailure("the checklist run was already started");
  return run.id;
}

/** A scheduled rule names its work center in its conditions (the rule schema insists on exactly one). */
function onlyWorkCenterOf(firing: TFiring): string | null {
  const ids = firing.rule.definition.conditions.workCenterIds;
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

async function attachToDecision(
  input: TActionInput,
  action: Extract<TRuleAction, { kind: "ATTACH_TO_DECISION" }>,
): Promise<string> {
  const { tx, tenantId, firing } = input;
  const evidence = firing.evidence;
  if (!evidence) throw new ActionFailure("a scheduled rule has no evidence to attach");
  const decision = await tx.decision.findFirst({ where: { id: action.decisionId }, select: { id: true } });
  if (!decision) throw new ActionFailure("the decision no longer exists");
  await tx.decisionLink.createMany({
    data: [{ tenantId, decisionId: action.decisionId, kind: evidence.kind, ref: evidence.ref, label: evidence.label }],
    skipDuplicates: true,
  });
  return action.decisionId;
}

async function queueEmail(
  input: TActionInput,
  action: Extract<TRuleAction, { kind: "EMAIL" }>,
  index: number,
  followUps: TFollowUps,
): Promise<string> {
  const { tx, tenantId, runId, firing, now } = input;
  const recipients = [...new Set([...action.to, ...(await memberEmails(tx, action.toRoles))])];
  if (recipients.length === 0) {
    throw new ActionFailure(`nobody to e-mail: no active member holds the role ${action.toRoles.join(", ")}`);
  }
  const body = renderTemplate(action.body, firing.values).trim();
  return insertNotification(
    tx,
    {
      tenantId,
      channel: "EMAIL",
      target: recipients.join(", "),
      subject: renderTemplate(action.subject, firing.values).slice(0, 200),
      body: { to: recipients, text: body || `${firing.summary}\n\nRule: ${firing.rule.name}` },
      idempotencyKey: withIndex(runId, index),
      ruleRunId: runId,
      nextAttemptAt: now,
    },
    followUps,
  );
}

async function queueWebhook(
  input: TActionInput,
  action: Extract<TRuleAction, { kind: "WEBHOOK" }>,
  index: number,
  followUps: TFollowUps,
): Promise<string> {
  const { tx, tenantId, runId, firing, now } = input;
  const endpoint = await tx.webhookEndpoint.findFirst({
    where: { id: action.endpointId },
    select: { name: true, enabled: true },
  });
  if (!endpoint) throw new ActionFailure("the webhook endpoint no longer exists");
  if (!endpoint.enabled) throw new ActionFailure(`the webhook endpoint "${endpoint.name}" is disabled`);
  return insertNotification(
    tx,
    {
      tenantId,
      channel: "WEBHOOK",
      target: action.endpointId,
      subject: firing.summary.slice(0, 200),
      body: {
        type: "rule.fired",
        rule: { id: firing.rule.id, name: firing.rule.name, version: firing.rule.version },
        run: { id: runId, summary: firing.summary, triggeredAt: firing.triggeredAt.toISOString() },
        workCenter: firing.workCenterId
          ? {
              id: firing.workCenterId,
              code: typeof firing.values.workCenter === "string" ? firing.values.workCenter : null,
            }
          : null,
        signal: { kind: firing.signalKind, key: firing.signalKey },
        values: firing.values,
      },
      idempotencyKey: withIndex(runId, index),
      ruleRunId: runId,
      nextAttemptAt: now,
    },
    followUps,
  );
}

/** An outbox row; the same key twice is the first row (a retried escalation, a replayed run). */
export async function insertNotification(
  tx: Tx,
  row: {
    tenantId: string;
    channel: "EMAIL" | "WEBHOOK";
    target: string;
    subject: string;
    body: Prisma.InputJsonValue;
    idempotencyKey: string;
    ruleRunId?: string | null;
    taskId?: string | null;
    nextAttemptAt: Date;
  },
  followUps: TFollowUps,
): Promise<string> {
  const [created] = await tx.notification.createManyAndReturn({
    data: [row],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) {
    followUps.notifications.push({ notificationId: created.id, at: row.nextAttemptAt.getTime() });
    return created.id;
  }
  const existing = await tx.notification.findUniqueOrThrow({
    where: { tenantId_idempotencyKey: { tenantId: row.tenantId, idempotencyKey: row.idempotencyKey } },
    select: { id: true },
  });
  return existing.id;
}

/** Performs one action inside the run's transaction; returns the ref of what it made. */
export async function performAction(
  input: TActionInput,
  action: TRuleAction,
  index: number,
  followUps: TFollowUps,
): Promise<string> {
  switch (action.kind) {
    case "CREATE_TASK":
      return createTask(input, action, index, followUps);
    case "START_CHECKLIST":
      return startChecklist(input, action, index);
    case "ATTACH_TO_DECISION":
      return attachToDecision(input, action);
    case "EMAIL":
      return queueEmail(input, action, index, followUps);
    case "WEBHOOK":
      return queueWebhook(input, action, index, followUps);
  }
}
