import { recordAudit } from "@gemba/db/audit/record-audit";
import { coverSpans, patternSpan } from "@gemba/domain/calendar/pattern-validity";
import { AppError } from "@gemba/domain/errors";
import {
  type CalendarActor,
  findPatternOrThrow,
  findSiteOrThrow,
  isUniqueViolation,
  listPatternStarts,
  localDateValue,
} from "./calendar-actor";
import type { TCreatePatternInput, TPatternIdInput, TUpdatePatternInput } from "./calendar-inputs";
import { refreshSiteTimelines } from "./refresh-site-timelines";
import { loadPatternShifts, shiftSnapshot } from "./shift-rows";

function assertDateFree(
  starts: ReadonlyArray<{ id: string; validFrom: string }>,
  validFrom: string,
  exceptId?: string,
) {
  if (starts.some((start) => start.validFrom === validFrom && start.id !== exceptId)) {
    throw new AppError(
      "CONFLICT",
      `Another pattern of this site already starts on ${validFrom}. Pick another date, or edit that pattern instead.`,
    );
  }
}

async function writeUnique<T>(validFrom: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `Another pattern of this site already starts on ${validFrom}. Pick another date.`);
    }
    throw error;
  }
}

/**
 * A new weekly pattern for a site, taking over from its first day. Usually a copy of the
 * pattern it replaces, then edited; without a copy it starts empty (no shifts planned).
 */
export async function createShiftPattern(actor: CalendarActor, input: TCreatePatternInput) {
  const { tx, tenantId } = actor;
  const site = await findSiteOrThrow(tx, input.siteId);
  const source = input.copyFromPatternId ? await findPatternOrThrow(tx, input.copyFromPatternId) : null;
  if (source && source.site.id !== site.id) {
    throw new AppError("BAD_REQUEST", "Copy a pattern of the same site: shift times are in the site's time zone.");
  }
  const starts = await listPatternStarts(tx, site.id);
  assertDateFree(starts, input.validFrom);
  const copied = source ? await loadPatternShifts(tx, source.id) : [];

  const patternId = crypto.randomUUID();
  await writeUnique(input.validFrom, () =>
    tx.shiftPattern.create({
      data: { tenantId, id: patternId, siteId: site.id, name: input.name, validFrom: localDateValue(input.validFrom) },
      select: { id: true },
    }),
  );
  for (const shift of copied) {
    const shiftId = crypto.randomUUID();
    await tx.shift.create({
      data: {
        tenantId,
        id: shiftId,
        patternId,
        name: shift.name,
        weekdays: shift.weekdays,
        startMinute: shift.startMinute,
        durationMinutes: shift.durationMinutes,
      },
      select: { id: true },
    });
    if (shift.breaks.length > 0) {
      await tx.shiftBreak.createMany({ data: shift.breaks.map((entry) => ({ tenantId, shiftId, ...entry })) });
    }
  }
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "shift_pattern.create",
    entityType: "ShiftPattern",
    entityId: patternId,
    summary: `Added shift pattern "${input.name}" for ${site.name}, from ${input.validFrom}${source ? ` (copy of "${source.name}")` : " (no shifts yet)"}`,
    after: {
      siteId: site.id,
      name: input.name,
      validFrom: input.validFrom,
      copiedFrom: source?.id ?? null,
      shifts: copied.map(shiftSnapshot),
    },
  });
  const span = patternSpan(
    [...starts.map((start) => start.validFrom), input.validFrom],
    input.validFrom,
    site.timeZone,
  );
  const refresh = await refreshSiteTimelines(actor, site.id, span);
  return { patternId, refresh };
}

/** Rename a pattern or move its first day (which moves where it takes over from its predecessor). */
export async function updateShiftPattern(actor: CalendarActor, input: TUpdatePatternInput) {
  const { tx, tenantId } = actor;
  const pattern = await findPatternOrThrow(tx, input.patternId);
  const starts = await listPatternStarts(tx, pattern.site.id);
  const moved = input.validFrom !== pattern.validFrom;
  if (moved) assertDateFree(starts, input.validFrom, pattern.id);
  if (!moved && input.name === pattern.name) return { patternId: pattern.id, refresh: null };

  await writeUnique(input.validFrom, () =>
    tx.shiftPattern.update({
      where: { tenantId_id: { tenantId, id: pattern.id } },
      data: { name: input.name, validFrom: localDateValue(input.validFrom) },
      select: { id: true },
    }),
  );
  const changes = [
    input.name !== pattern.name ? `renamed it to "${input.name}"` : null,
    moved ? `moved its start from ${pattern.validFrom} to ${input.validFrom}` : null,
  ].filter((change) => change !== null);
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "shift_pattern.update",
    entityType: "ShiftPattern",
    entityId: pattern.id,
    summary: `Changed shift pattern "${pattern.name}" of ${pattern.site.name}: ${changes.join(" and ")}`,
    before: { name: pattern.name, validFrom: pattern.validFrom },
    after: { name: input.name, validFrom: input.validFrom },
  });
  // Names are not part of the derived timeline; a moved start changes which shifts apply where.
  if (!moved) return { patternId: pattern.id, refresh: null };
  const before = starts.map((start) => start.validFrom);
  const after = starts.map((start) => (start.id === pattern.id ? input.validFrom : start.validFrom));
  const span = coverSpans(
    patternSpan(before, pattern.validFrom, pattern.site.timeZone),
    patternSpan(after, input.validFrom, pattern.site.timeZone),
  );
  const refresh = await refreshSiteTimelines(actor, pattern.site.id, span);
  return { patternId: pattern.id, refresh };
}

/** Removes a pattern; the one before it applies again over its dates. A site keeps at least one. */
export async function deleteShiftPattern(actor: CalendarActor, input: TPatternIdInput) {
  const { tx, tenantId } = actor;
  const pattern = await findPatternOrThrow(tx, input.patternId);
  const starts = await listPatternStarts(tx, pattern.site.id);
  if (starts.length <= 1) {
    throw new AppError(
      "CONFLICT",
      `"${pattern.name}" is the only shift pattern of ${pattern.site.name}, and a site needs one. Edit its shifts instead, or add the new pattern first and then delete this one.`,
    );
  }
  const shifts = await loadPatternShifts(tx, pattern.id);
  await tx.shiftPattern.delete({ where: { tenantId_id: { tenantId, id: pattern.id } }, select: { id: true } });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "shift_pattern.delete",
    entityType: "ShiftPattern",
    entityId: pattern.id,
    summary: `Deleted shift pattern "${pattern.name}" of ${pattern.site.name} (from ${pattern.validFrom})`,
    before: {
      siteId: pattern.site.id,
      name: pattern.name,
      validFrom: pattern.validFrom,
      shifts: shifts.map(shiftSnapshot),
    },
  });
  const span = patternSpan(
    starts.map((start) => start.validFrom),
    pattern.validFrom,
    pattern.site.timeZone,
  );
  const refresh = await refreshSiteTimelines(actor, pattern.site.id, span);
  return { patternId: pattern.id, refresh };
}
