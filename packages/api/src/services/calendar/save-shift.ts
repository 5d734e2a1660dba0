import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import type { TShiftDefinition } from "@gemba/domain/calendar/expand-shifts";
import { patternSpan } from "@gemba/domain/calendar/pattern-validity";
import { checkShift } from "@gemba/domain/calendar/shift-rules";
import { AppError } from "@gemba/domain/errors";
import { type CalendarActor, findPatternOrThrow, isUniqueViolation, listPatternStarts } from "./calendar-actor";
import type { TCreateShiftInput, TShiftIdInput, TUpdateShiftInput } from "./calendar-inputs";
import { refreshSiteTimelines } from "./refresh-site-timelines";
import { describeShift, loadPatternShifts, normalizeShift, shiftSnapshot } from "./shift-rows";

/** Runs the same rules the admin screen shows while typing; refuses with all their messages. */
function assertValidShift(shift: TShiftDefinition, others: readonly TShiftDefinition[]) {
  const { errors, warnings } = checkShift(shift, others);
  if (errors.length > 0) throw new AppError("BAD_REQUEST", errors.map((error) => error.message).join(" "));
  return warnings.map((warning) => warning.message);
}

async function writeShift(
  tx: Tx,
  tenantId: string,
  shiftId: string,
  shift: TShiftDefinition,
  write: () => Promise<unknown>,
) {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `This pattern already has a shift called "${shift.name}". Pick another name.`);
    }
    throw error;
  }
  await tx.shiftBreak.deleteMany({ where: { shiftId } });
  if (shift.breaks.length > 0) {
    await tx.shiftBreak.createMany({ data: shift.breaks.map((entry) => ({ tenantId, shiftId, ...entry })) });
  }
}

async function findShiftOrThrow(tx: Tx, shiftId: string) {
  const shift = await tx.shift.findFirst({ where: { id: shiftId }, select: { id: true, patternId: true } });
  if (!shift)
    throw new AppError("NOT_FOUND", "This shift no longer exists. Reload the page to see the pattern as it is.");
  const pattern = await findPatternOrThrow(tx, shift.patternId);
  const shifts = await loadPatternShifts(tx, pattern.id);
  const current = shifts.find((candidate) => candidate.id === shift.id);
  if (!current)
    throw new AppError("NOT_FOUND", "This shift no longer exists. Reload the page to see the pattern as it is.");
  return { pattern, current, others: shifts.filter((candidate) => candidate.id !== shift.id) };
}

/** Every shift of the pattern may now belong elsewhere: re-derive the dates the pattern governs. */
async function refreshPattern(actor: CalendarActor, pattern: Awaited<ReturnType<typeof findPatternOrThrow>>) {
  const starts = await listPatternStarts(actor.tx, pattern.site.id);
  const span = patternSpan(
    starts.map((start) => start.validFrom),
    pattern.validFrom,
    pattern.site.timeZone,
  );
  return refreshSiteTimelines(actor, pattern.site.id, span);
}

export async function createShift(actor: CalendarActor, input: TCreateShiftInput) {
  const { tx, tenantId } = actor;
  const pattern = await findPatternOrThrow(tx, input.patternId);
  const shift = normalizeShift(input.shift);
  const warnings = assertValidShift(shift, await loadPatternShifts(tx, pattern.id));
  const shiftId = crypto.randomUUID();
  await writeShift(tx, tenantId, shiftId, shift, () =>
    tx.shift.create({
      data: {
        tenantId,
        id: shiftId,
        patternId: pattern.id,
        name: shift.name,
        weekdays: shift.weekdays,
        startMinute: shift.startMinute,
        durationMinutes: shift.durationMinutes,
      },
      select: { id: true },
    }),
  );
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "shift.create",
    entityType: "Shift",
    entityId: shiftId,
    summary: `Added shift ${describeShift(shift)} to pattern "${pattern.name}" of ${pattern.site.name}`,
    after: { patternId: pattern.id, ...shiftSnapshot(shift) },
  });
  return { shiftId, warnings, refresh: await refreshPattern(actor, pattern) };
}

export async function updateShift(actor: CalendarActor, input: TUpdateShiftInput) {
  const { tx, tenantId } = actor;
  const { pattern, current, others } = await findShiftOrThrow(tx, input.shiftId);
  const shift = normalizeShift(input.shift);
  const warnings = assertValidShift(shift, others);
  await writeShift(tx, tenantId, current.id, shift, () =>
    tx.shift.update({
      where: { tenantId_id: { tenantId, id: current.id } },
      data: {
        name: shift.name,
        weekdays: shift.weekdays,
        startMinute: shift.startMinute,
        durationMinutes: shift.durationMinutes,
      },
      select: { id: true },
    }),
  );
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "shift.update",
    entityType: "Shift",
    entityId: current.id,
    summary: `Changed shift ${describeShift(current)} of pattern "${pattern.name}" to ${describeShift(shift)}${shift.breaks.length > 0 ? ` with ${shift.breaks.length === 1 ? "1 break" : `${shift.breaks.length} breaks`}` : ", no breaks"}`,
    before: { patternId: pattern.id, ...shiftSnapshot(current) },
    after: { patternId: pattern.id, ...shiftSnapshot(shift) },
  });
  return { shiftId: current.id, warnings, refresh: await refreshPattern(actor, pattern) };
}

export async function deleteShift(actor: CalendarActor, input: TShiftIdInput) {
  const { tx, tenantId } = actor;
  const { pattern, current } = await findShiftOrThrow(tx, input.shiftId);
  await tx.shift.delete({ where: { tenantId_id: { tenantId, id: current.id } }, select: { id: true } });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "shift.delete",
    entityType: "Shift",
    entityId: current.id,
    summary: `Deleted shift ${describeShift(current)} from pattern "${pattern.name}" of ${pattern.site.name}`,
    before: { patternId: pattern.id, ...shiftSnapshot(current) },
  });
  return { shiftId: current.id, refresh: await refreshPattern(actor, pattern) };
}
