"use client";

import { describeShiftTimes, describeWeekdays } from "@gemba/domain/calendar/calendar-text";
import { patternOn } from "@gemba/domain/calendar/pattern-validity";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { dayBefore, formatLocalDay } from "./calendar-format";
import type { TRefreshNotice, TShift, TShiftPattern, TSiteCalendar } from "./calendar-types";

type TDeleted = (message: string, refresh: TRefreshNotice) => void;

function useInvalidateCalendar() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
    ]);
}

/** Deleting a pattern hands its days back to the one before it; the dialog says which, and from when. */
export function DeletePatternDialog({
  calendar,
  pattern,
  onClose,
  onDeleted,
}: {
  calendar: TSiteCalendar;
  pattern: TShiftPattern;
  onClose: () => void;
  onDeleted: TDeleted;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCalendar();
  const remove = useMutation(
    trpc.calendar.deletePattern.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        onDeleted(`Pattern "${pattern.name}" deleted.`, result.refresh);
      },
    }),
  );
  const previous = patternOn(
    calendar.patterns.filter((candidate) => candidate.id !== pattern.id),
    dayBefore(pattern.validFrom),
  );
  const until = pattern.validUntil ? ` until ${formatLocalDay(dayBefore(pattern.validUntil))}` : "";
  return (
    <ConfirmDialog
      open
      title={`Delete pattern "${pattern.name}"?`}
      confirmLabel="Delete pattern"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.error ? apiErrorMessage(remove.error) : null}
      onConfirm={() => remove.mutate({ patternId: pattern.id })}
      onCancel={onClose}
    >
      <p>
        {previous
          ? `"${previous.name}" applies again from ${formatLocalDay(pattern.validFrom)}${until}.`
          : `No pattern covers ${formatLocalDay(pattern.validFrom)}${until} any more: no production is planned then.`}{" "}
        {pattern.validFrom <= calendar.today ? "State timelines and OEE since then are recalculated." : null} The change
        is recorded in the audit log.
      </p>
    </ConfirmDialog>
  );
}

export function DeleteShiftDialog({
  pattern,
  shift,
  onClose,
  onDeleted,
}: {
  pattern: TShiftPattern;
  shift: TShift;
  onClose: () => void;
  onDeleted: TDeleted;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCalendar();
  const remove = useMutation(
    trpc.calendar.deleteShift.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        onDeleted(`Shift "${shift.name}" deleted.`, result.refresh);
      },
    }),
  );
  return (
    <ConfirmDialog
      open
      title={`Delete shift "${shift.name}"?`}
      confirmLabel="Delete shift"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.error ? apiErrorMessage(remove.error) : null}
      onConfirm={() => remove.mutate({ shiftId: shift.id })}
      onCancel={onClose}
    >
      <p>
        {describeWeekdays(shift.weekdays)} {describeShiftTimes(shift)} becomes time without a shift wherever "
        {pattern.name}" applies ({pattern.status === "UPCOMING" ? "from" : "since"} {formatLocalDay(pattern.validFrom)}
        ). Machines running then count as unplanned production, not as OEE.
      </p>
    </ConfirmDialog>
  );
}
