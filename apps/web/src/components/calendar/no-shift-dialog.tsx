"use client";

import { checkNoShiftPeriod, NO_SHIFT_KIND_LABELS } from "@gemba/domain/calendar/no-shift-period-rules";
import type { TCalendarIssue } from "@gemba/domain/calendar/shift-rules";
import type { TNoShiftPeriodKind } from "@gemba/domain/execution/calendar-timeline";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { FieldErrors } from "~/components/ui/field-errors";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./calendar.module.css";
import { formatSpan } from "./calendar-format";
import type { TNoShiftPeriod, TRefreshNotice } from "./calendar-types";
import { ClockInput } from "./clock-input";
import { IssueList } from "./issue-list";
import { draftOfPeriod, periodFromDraft, suggestNewPeriod, type TPeriodDraft } from "./no-shift-form";

export const NO_SHIFT_KIND_HINTS: Record<TNoShiftPeriodKind, string> = {
  HOLIDAY: "The plant is closed, e.g. a public holiday. No production planned.",
  SHUTDOWN: "The site stops, e.g. summer shutdown or stocktaking. No production planned.",
  PLANNED_MAINTENANCE: "Machines are serviced. Shows as a planned stop, not as lost time.",
};

const KINDS: TNoShiftPeriodKind[] = ["PLANNED_MAINTENANCE", "HOLIDAY", "SHUTDOWN"];

type TNoShiftDialogProps = {
  siteId: string;
  timeZone: string;
  today: string;
  /** The period to edit; a new one when absent. */
  period: TNoShiftPeriod | null;
  onClose: () => void;
  onSaved: (message: string, refresh: TRefreshNotice) => void;
};

function groupByField(issues: readonly TCalendarIssue[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) grouped[issue.field] = [...(grouped[issue.field] ?? []), issue.message];
  return grouped;
}

/** Add or edit a holiday, shutdown or maintenance window in the site's local dates and times. */
export function NoShiftDialog({ siteId, timeZone, today, period, onClose, onSaved }: TNoShiftDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TPeriodDraft>(() => (period ? draftOfPeriod(period) : suggestNewPeriod(today)));
  const [submitted, setSubmitted] = useState(false);
  const formId = useId();
  const set = (patch: Partial<TPeriodDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const parsed = periodFromDraft(draft);
  const check = parsed.period
    ? checkNoShiftPeriod(parsed.period, timeZone)
    : { errors: [], warnings: [], startsAt: null, endsAt: null };
  const errors = [...parsed.errors, ...check.errors];
  const fieldErrors = submitted ? groupByField(errors) : {};

  const onSuccess = async (result: { refresh: TRefreshNotice }) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
    ]);
    onSaved(`${NO_SHIFT_KIND_LABELS[draft.kind]} "${draft.reason.trim()}" saved.`, result.refresh);
  };
  const create = useMutation(trpc.calendar.createNoShiftPeriod.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.calendar.updateNoShiftPeriod.mutationOptions({ onSuccess }));
  const mutation = period ? update : create;

  function save() {
    setSubmitted(true);
    if (!parsed.period || errors.length > 0) return;
    const fields = {
      kind: parsed.period.kind,
      reason: parsed.period.reason,
      startDate: parsed.period.start.date,
      startMinute: parsed.period.start.minute,
      endDate: parsed.period.end.date,
      endMinute: parsed.period.end.minute,
    };
    if (period) update.mutate({ periodId: period.id, ...fields });
    else create.mutate({ siteId, ...fields });
  }

  const summary =
    check.startsAt && check.endsAt && check.endsAt > check.startsAt
      ? `${formatSpan(check.startsAt, check.endsAt)}: ${formatDateTime(check.startsAt, timeZone)} – ${formatDateTime(check.endsAt, timeZone)}`
      : null;

  return (
    <FormDialog
      size="medium"
      open
      title={period ? "Edit no-shift period" : "Add no-shift period"}
      description={`Dates and times in ${timeZone.replaceAll("_", " ")}, the site's time zone.`}
      submitLabel={period ? "Save period" : "Add period"}
      pendingLabel="Saving…"
      pending={mutation.isPending}
      error={mutation.error ? apiErrorMessage(mutation.error) : null}
      onSubmit={save}
      onClose={onClose}
    >
      <fieldset className={styles.fieldset}>
        <legend className="field-label">Kind</legend>
        <div className={styles.kindOptions}>
          {KINDS.map((kind) => (
            <label key={kind} className={styles.kindOption}>
              <input
                type="radio"
                name="no-shift-kind"
                value={kind}
                checked={draft.kind === kind}
                onChange={() => set({ kind })}
              />
              <span className={styles.kindText}>
                <strong>{NO_SHIFT_KIND_LABELS[kind]}</strong>
                <small>{NO_SHIFT_KIND_HINTS[kind]}</small>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span className="field-label">Description</span>
        <input
          className="input"
          value={draft.reason}
          onChange={(event) => set({ reason: event.target.value })}
          placeholder="e.g. Christmas shutdown or Press 3 annual service"
          aria-invalid={Boolean(fieldErrors.reason)}
          autoComplete="off"
          maxLength={200}
        />
        <FieldErrors messages={fieldErrors.reason} />
      </label>
      <label className={styles.checkRow}>
        <input
          type="checkbox"
          checked={draft.wholeDays}
          onChange={(event) => set({ wholeDays: event.target.checked })}
        />
        Whole days (midnight to midnight)
      </label>
      <div className={styles.timeRow}>
        <label className="field">
          <span className="field-label">{draft.wholeDays ? "First day" : "Start date"}</span>
          <input
            className="input"
            type="date"
            value={draft.startDate}
            onChange={(event) => set({ startDate: event.target.value })}
            aria-invalid={Boolean(fieldErrors.start)}
          />
        </label>
        {draft.wholeDays ? null : (
          <label className="field" htmlFor={`${formId}-start-time`}>
            <span className="field-label">Start time</span>
            <ClockInput
              id={`${formId}-start-time`}
              value={draft.startTime}
              onChange={(startTime) => set({ startTime })}
              aria-invalid={Boolean(fieldErrors.start)}
            />
          </label>
        )}
      </div>
      <IssueList messages={fieldErrors.start ?? []} />
      <div className={styles.timeRow}>
        <label className="field">
          <span className="field-label">{draft.wholeDays ? "Last day" : "End date"}</span>
          <input
            className="input"
            type="date"
            value={draft.endDate}
            onChange={(event) => set({ endDate: event.target.value })}
            aria-invalid={Boolean(fieldErrors.end)}
          />
        </label>
        {draft.wholeDays ? null : (
          <label className="field" htmlFor={`${formId}-end-time`}>
            <span className="field-label">End time</span>
            <ClockInput
              id={`${formId}-end-time`}
              value={draft.endTime}
              onChange={(endTime) => set({ endTime })}
              aria-invalid={Boolean(fieldErrors.end)}
            />
          </label>
        )}
      </div>
      <IssueList messages={fieldErrors.end ?? []} />
      {summary ? <p className="field-hint">{summary}</p> : null}
      {check.warnings.length > 0 ? (
        <Alert tone="warning">
          {check.warnings.map((warning) => (
            <p key={warning.message}>{warning.message}</p>
          ))}
        </Alert>
      ) : null}
    </FormDialog>
  );
}
