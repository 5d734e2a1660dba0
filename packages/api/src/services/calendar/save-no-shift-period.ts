import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import { formatClock } from "@gemba/domain/calendar/calendar-text";
import {
  checkNoShiftPeriod,
  localDateTimeOf,
  NO_SHIFT_KIND_LABELS,
} from "@gemba/domain/calendar/no-shift-period-rules";
import { coverSpans } from "@gemba/domain/calendar/pattern-validity";
import { AppError } from "@gemba/domain/errors";
import { type CalendarActor, findSiteOrThrow, type TCalendarSite } from "./calendar-actor";
import type { TCreateNoShiftPeriodInput, TNoShiftPeriodIdInput, TUpdateNoShiftPeriodInput } from "./calendar-inputs";
import { refreshSiteTimelines } from "./refresh-site-timelines";

type TFields = Omit<TCreateNoShiftPeriodInput, "siteId">;
type TStoredPeriod = { kind: TFields["kind"]; reason: string; startsAt: Date; endsAt: Date };

/** The local times as entered, checked and converted to UTC; refuses with every problem's message. */
function resolvePeriod(input: TFields, site: TCalendarSite) {
  const check = checkNoShiftPeriod(
    {
      kind: input.kind,
      reason: input.reason,
      start: { date: input.startDate, minute: input.startMinute },
      end: { date: input.endDate, minute: input.endMinute },
    },
    site.timeZone,
  );
  if (check.errors.length > 0 || !check.startsAt || !check.endsAt) {
    throw new AppError("BAD_REQUEST", check.errors.map((error) => error.message).join(" "));
  }
  return {
    period: { kind: input.kind, reason: input.reason.trim(), startsAt: check.startsAt, endsAt: check.endsAt },
    warnings: check.warnings.map((warning) => warning.message),
  };
}

/** 'Planned maintenance "Press 3 service", 2026-03-08 06:00 – 2026-03-08 14:00 (America/Chicago)' */
function describePeriod(period: TStoredPeriod, timeZone: string): string {
  const at = (instant: Date) => {
    const local = localDateTimeOf(instant, timeZone);
    return `${local.date} ${formatClock(local.minute)}`;
  };
  return `${NO_SHIFT_KIND_LABELS[period.kind].toLowerCase()} "${period.reason}", ${at(period.startsAt)} – ${at(period.endsAt)} (${timeZone})`;
}

const snapshot = (period: TStoredPeriod) => ({
  kind: period.kind,
  reason: period.reason,
  startsAt: period.startsAt.toISOString(),
  endsAt: period.endsAt.toISOString(),
});

const spanOf = (period: TStoredPeriod) => ({ from: period.startsAt.getTime(), to: period.endsAt.getTime() });

async function findPeriodOrThrow(tx: Tx, periodId: string) {
  const period = await tx.noShiftPeriod.findFirst({
    where: { id: periodId },
    select: {
      id: true,
      kind: true,
      reason: true,
      startsAt: true,
      endsAt: true,
      site: { select: { id: true, code: true, name: true, timeZone: true } },
    },
  });
  if (!period)
    throw new AppError("NOT_FOUND", "This period no longer exists. Reload the page to see the current list.");
  return period;
}

export async function createNoShiftPeriod(actor: CalendarActor, input: TCreateNoShiftPeriodInput) {
  const { tx, tenantId } = actor;
  const site = await findSiteOrThrow(tx, input.siteId);
  const { period, warnings } = resolvePeriod(input, site);
  const periodId = crypto.randomUUID();
  await tx.noShiftPeriod.create({ data: { tenantId, id: periodId, siteId: site.id, ...period }, select: { id: true } });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "no_shift_period.create",
    entityType: "NoShiftPeriod",
    entityId: periodId,
    summary: `Added ${describePeriod(period, site.timeZone)} at ${site.name}`,
    after: { siteId: site.id, ...snapshot(period) },
  });
  return { periodId, warnings, refresh: await refreshSiteTimelines(actor, site.id, spanOf(period)) };
}

export async function updateNoShiftPeriod(actor: CalendarActor, input: TUpdateNoShiftPeriodInput) {
  const { tx, tenantId } = actor;
  const existing = await findPeriodOrThrow(tx, input.periodId);
  const { period, warnings } = resolvePeriod(input, existing.site);
  await tx.noShiftPeriod.update({
    where: { tenantId_id: { tenantId, id: existing.id } },
    data: period,
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "no_shift_period.update",
    entityType: "NoShiftPeriod",
    entityId: existing.id,
    summary: `Changed ${describePeriod(existing, existing.site.timeZone)} at ${existing.site.name} to ${describePeriod(period, existing.site.timeZone)}`,
    before: snapshot(existing),
    after: snapshot(period),
  });
  const span = coverSpans(spanOf(existing), spanOf(period));
  return { periodId: existing.id, warnings, refresh: await refreshSiteTimelines(actor, existing.site.id, span) };
}

export async function deleteNoShiftPeriod(actor: CalendarActor, input: TNoShiftPeriodIdInput) {
  const { tx, tenantId } = actor;
  const existing = await findPeriodOrThrow(tx, input.periodId);
  await tx.noShiftPeriod.delete({ where: { tenantId_id: { tenantId, id: existing.id } }, select: { id: true } });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "no_shift_period.delete",
    entityType: "NoShiftPeriod",
    entityId: existing.id,
    summary: `Deleted ${describePeriod(existing, existing.site.timeZone)} at ${existing.site.name}`,
    before: { siteId: existing.site.id, ...snapshot(existing) },
  });
  return { periodId: existing.id, refresh: await refreshSiteTimelines(actor, existing.site.id, spanOf(existing)) };
}
