import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";
import { enqueueDelivery } from "@gemba/jobs/automation";
import type { PlatformServices } from "../../platform";
import type { TenantActor } from "../scope";
import { afterPosition, decodePosition, pageOf } from "./list-position";
import type { TNotificationsInput } from "./rule-inputs";

/**
 * E-mails and webhooks the rules sent or tried to send, newest first. A failed one shows its last
 * error; webhooks show the endpoint's name rather than its id.
 */
export async function listNotifications(tx: Tx, input: TNotificationsInput) {
  const position = decodePosition(input.cursor);
  const rows = await tx.notification.findMany({
    where: { ...(input.status ? { status: input.status } : {}), ...afterPosition("createdAt", position) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      channel: true,
      target: true,
      subject: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
      ruleRunId: true,
      taskId: true,
    },
  });
  const { items, nextCursor } = pageOf(rows, input.limit, (row) => row.createdAt);
  const runIds = [...new Set(items.flatMap((row) => (row.ruleRunId ? [row.ruleRunId] : [])))];
  const endpointIds = items.filter((row) => row.channel === "WEBHOOK").map((row) => row.target);
  const [runs, endpoints] = await Promise.all([
    tx.ruleRun.findMany({
      where: { id: { in: runIds } },
      select: { id: true, ruleId: true, rule: { select: { name: true } } },
    }),
    tx.webhookEndpoint.findMany({
      where: { id: { in: endpointIds.filter((id) => /^[0-9a-f-]{36}$/.test(id)) } },
      select: { id: true, name: true, url: true },
    }),
  ]);
  const runById = new Map(runs.map((run) => [run.id, run]));
  const endpointById = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
  return {
    items: items.map((row) => {
      const run = row.ruleRunId ? runById.get(row.ruleRunId) : undefined;
      const endpoint = row.channel === "WEBHOOK" ? endpointById.get(row.target) : undefined;
      return {
        ...row,
        targetLabel:
          row.channel === "WEBHOOK"
            ? endpoint
              ? `${endpoint.name} (${endpoint.url})`
              : "Removed endpoint"
            : row.target,
        ruleId: run?.ruleId ?? null,
        ruleName: run?.rule.name ?? null,
      };
    }),
    nextCursor,
  };
}

export type TNotificationItem = Awaited<ReturnType<typeof listNotifications>>["items"][number];

/**
 * Sends a failed notification again: it goes back to PENDING, due now, with a fresh round of
 * delivery attempts (the deliverer gives up after MAX_DELIVERY_ATTEMPTS), and the delivery job is
 * woken after commit (the engine's sweep would find it anyway if Redis lost the job). The job id
 * counts on from the attempts already made, so it never collides with an earlier attempt's job.
 */
export async function retryNotification(
  actor: TenantActor & { platform: PlatformServices | undefined; afterCommit: (effect: () => Promise<void>) => void },
  input: { notificationId: string },
) {
  const { tx, tenantId } = actor;
  const notification = await tx.notification.findFirst({
    where: { id: input.notificationId },
    select: { id: true, status: true, channel: true, subject: true, target: true, attempts: true, lastError: true },
  });
  if (!notification) throw new AppError("NOT_FOUND", "This notification does not exist any more. Reload the list.");
  if (notification.status === "SENT") {
    throw new AppError("CONFLICT", "This notification was already delivered; there is nothing to retry.");
  }
  const now = new Date();
  await tx.notification.update({
    where: { tenantId_id: { tenantId, id: notification.id } },
    data: { status: "PENDING", nextAttemptAt: now, attempts: 0 },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "notification.retry",
    entityType: "Notification",
    entityId: notification.id,
    summary: `Retried ${notification.channel === "EMAIL" ? "e-mail" : "webhook"} "${notification.subject}" after ${notification.attempts} attempt${notification.attempts === 1 ? "" : "s"}`,
    before: { status: notification.status, lastError: notification.lastError },
    after: { status: "PENDING" },
  });
  const { platform } = actor;
  if (platform) {
    actor.afterCommit(() =>
      enqueueDelivery(platform.queues, {
        tenantId,
        notificationId: notification.id,
        attempt: notification.attempts,
        at: now.getTime(),
      }),
    );
  }
  return { id: notification.id, status: "PENDING" as const, nextAttemptAt: now };
}
