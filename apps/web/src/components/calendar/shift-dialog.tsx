"use client";

import { describeShiftTimes, formatMinutes, WEEKDAY_SHORT_NAMES } from "@gemba/domain/calendar/calendar-text";
import { checkShift, MAX_BREAKS_PER_SHIFT, type TCalendarIssue } from "@gemba/domain/calendar/shift-rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { FieldErrors } from "~/components/ui/field-errors";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./calendar.module.css";
import type { TRefreshNotice, TShift, TShiftPattern } from "./calendar-types";
import { ClockInput } from "./clock-input";
import { IssueList } from "./issue-list";
import { draftOfShift, shiftFromDraft, suggestBreak, suggestNewShift, type TShiftDraft } from "./shift-form";

type TShiftDialogProps = {
  pattern: TShiftPattern;
  /** The shift to edit; a new one when absent. */
  shift: TShift | null;
  onClose: () => void;
  onSaved: (message: string, refresh: TRefreshNotice) => void;
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function groupByField(issues: readonly TCalendarIssue[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) grouped[issue.field] = [...(grouped[issue.field] ?? []), issue.message];
  return grouped;
}

/** Add or edit a shift: days, start and end in the site's local time, breaks; checked while typing. */
export function ShiftDialog({ pattern, shift, onClose, onSaved }: TShiftDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TShiftDraft>(() =>
    shift ? draftOfShift(shift) : suggestNewShift(pattern.shifts),
  );
  const [submitted, setSubmitted] = useState(false);
  const formId = useId();
  const others = pattern.shifts.filter((candidate) => candidate.id !== shift?.id);

  const parsed = shiftFromDraft(draft);
  const check = parsed.shift ? checkShift(parsed.shift, others) : { errors: [], warnings: [] };
  const errors = [...parsed.errors, ...check.errors];
  const fieldErrors = submitted ? groupByField(errors) : {};

  const onSuccess = async (result: { refresh: TRefreshNotice }) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
    ]);
    onSaved(`Shift "${parsed.shift?.name ?? draft.name}" saved.`, result.refresh);
  };
  const create = useMutation(trpc.calendar.createShift.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.calendar.updateShift.mutationOptions({ onSuccess }));
  const mutation = shift ? update : create;

  function save() {
    setSubmitted(true);
    if (!parsed.shift || errors.length > 0) return;
    if (shift) update.mutate({ shiftId: shift.id, shift: parsed.shift });
    else create.mutate({ patternId: pattern.id, shift: parsed.shift });
  }

  const set = (patch: Partial<TShiftDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const setBreak = (key: string, patch: Partial<TShiftDraft["breaks"][number]>) =>
    set({ breaks: draft.breaks.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry)) });
  const toggleDay = (day: number) =>
    set({
      weekdays: draft.weekdays.includes(day) ? draft.weekdays.filter((d) => d !== day) : [...draft.weekdays, day],
    });

  return (
    <FormDialog
      size="medium"
      open
      title={shift ? `Edit shift "${shift.name}"` : "Add shift"}
      description={`Pattern "${pattern.name}". Times are the site's local wall-clock times; a shift may end after midnight.`}
      submitLabel={shift ? "Save shift" : "Add shift"}
      pendingLabel="Saving…"
      pending={mutation.isPending}
      error={mutation.error ? apiErrorMessage(mutation.error) : null}
      onSubmit={save}
      onClose={onClose}
    >
      {submitted && errors.length > 0 ? (
        <Alert tone="danger">
          <p>
            <strong>Please check the shift.</strong>{" "}
            {errors.length === 1 ? "One thing needs" : `${errors.length} things need`} your attention; see the marked
            fields.
          </p>
        </Alert>
      ) : null}
      <label className="field">
        <span className="field-label">Shift name</span>
        <input
          className="input"
          value={draft.name}
          onChange={(event) => set({ name: event.target.value })}
          placeholder="e.g. Early, Late, Night"
          aria-invalid={Boolean(fieldErrors.name)}
          autoComplete="off"
          maxLength={80}
        />
        <FieldErrors messages={fieldErrors.name} />
      </label>

      <fieldset className={styles.fieldset}>
        <legend className="field-label">Starts on</legend>
        <div className={styles.dayToggles}>
          {WEEKDAYS.map((day) => (
            <label key={day} className={styles.dayToggle}>
              <input type="checkbox" checked={draft.weekdays.includes(day)} onChange={() => toggleDay(day)} />
              <span>{WEEKDAY_SHORT_NAMES[day - 1]}</span>
            </label>
          ))}
          <span className={styles.dayPresets}>
            <button type="button" className="btn btn-ghost" onClick={() => set({ weekdays: [1, 2, 3, 4, 5] })}>
              Mon–Fri
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => set({ weekdays: WEEKDAYS })}>
              Every day
            </button>
          </span>
        </div>
        <FieldErrors messages={fieldErrors.weekdays} />
      </fieldset>

      <div className={styles.timeRow}>
        <label className="field" htmlFor={`${formId}-start`}>
          <span className="field-label">Start</span>
          <ClockInput
            id={`${formId}-start`}
            value={draft.start}
            onChange={(start) => set({ start })}
            aria-invalid={Boolean(fieldErrors.start || fieldErrors.times)}
          />
        </label>
        <label className="field" htmlFor={`${formId}-end`}>
          <span className="field-label">End</span>
          <ClockInput
            id={`${formId}-end`}
            value={draft.end}
            onChange={(end) => set({ end })}
            aria-invalid={Boolean(fieldErrors.end || fieldErrors.times)}
          />
        </label>
        <p className={styles.timeSummary} aria-live="polite">
          {parsed.shift ? (
            <>
              {formatMinutes(parsed.shift.durationMinutes)} · {describeShiftTimes(parsed.shift)}
            </>
          ) : null}
        </p>
      </div>
      <IssueList messages={[...(fieldErrors.start ?? []), ...(fieldErrors.end ?? []), ...(fieldErrors.times ?? [])]} />

      <fieldset className={styles.fieldset}>
        <legend className="field-label">Breaks</legend>
        <p className="field-hint">Breaks are planned stops: OEE does not count them as lost time.</p>
        {draft.breaks.length > 0 ? (
          <div className={styles.breakRows}>
            {draft.breaks.map((entry, index) => {
              const prefix = `breaks.${index}`;
              const messages = [
                ...(fieldErrors[`${prefix}.name`] ?? []),
                ...(fieldErrors[`${prefix}.start`] ?? []),
                ...(fieldErrors[`${prefix}.end`] ?? []),
              ];
              return (
                <div key={entry.key} className={styles.breakRow}>
                  <input
                    className="input"
                    aria-label={`Break ${index + 1} name`}
                    placeholder="e.g. Lunch"
                    value={entry.name}
                    onChange={(event) => setBreak(entry.key, { name: event.target.value })}
                    aria-invalid={Boolean(fieldErrors[`${prefix}.name`])}
                  />
                  <ClockInput
                    aria-label={`Break ${index + 1} start`}
                    value={entry.start}
                    onChange={(start) => setBreak(entry.key, { start })}
                    aria-invalid={Boolean(fieldErrors[`${prefix}.start`])}
                  />
                  <ClockInput
                    aria-label={`Break ${index + 1} end`}
                    value={entry.end}
                    onChange={(end) => setBreak(entry.key, { end })}
                    aria-invalid={Boolean(fieldErrors[`${prefix}.end`])}
                  />
                  <button
                    type="button"
                    className="btn btn-ghost"
                    aria-label={`Remove break ${index + 1}${entry.name ? ` (${entry.name})` : ""}`}
                    onClick={() => set({ breaks: draft.breaks.filter((candidate) => candidate.key !== entry.key) })}
                  >
                    Remove
                  </button>
                  {messages.length > 0 ? (
                    <div className={styles.breakError}>
                      <IssueList messages={messages} />
                    </div>
                  ) : null}
                </div>
              );
            })}
          </div>
        ) : null}
        <FieldErrors messages={fieldErrors.breaks} />
        <div>
          <button
            type="button"
            className="btn"
            disabled={draft.breaks.length >= MAX_BREAKS_PER_SHIFT}
            onClick={() => set({ breaks: [...draft.breaks, suggestBreak(draft)] })}
          >
            Add break
          </button>
        </div>
      </fieldset>

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
