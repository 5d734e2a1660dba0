"use client";

import { parseLocalDate } from "@gemba/domain/calendar/calendar-text";
import { patternOn } from "@gemba/domain/calendar/pattern-validity";
import { addDays, formatLocalDate, isoWeekdayOf } from "@gemba/domain/calendar/zoned-time";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FieldErrors } from "~/components/ui/field-errors";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { formatLocalDay } from "./calendar-format";
import type { TRefreshNotice, TShiftPattern, TSiteCalendar } from "./calendar-types";

type TPatternDialogProps = {
  calendar: TSiteCalendar;
  /** The pattern to rename or move; a new one when absent. */
  pattern: TShiftPattern | null;
  onClose: () => void;
  onSaved: (message: string, refresh: TRefreshNotice, patternId: string) => void;
};

/** Next Monday after `today`: new rotas usually start with a week. */
function nextMonday(today: string): string {
  const date = parseLocalDate(today);
  if (!date) return today;
  return formatLocalDate(addDays(date, 8 - isoWeekdayOf(date)));
}

/** What choosing this date means, in words: which pattern it replaces from when, and whether history changes. */
function effectOf(calendar: TSiteCalendar, pattern: TShiftPattern | null, validFrom: string): string | null {
  if (!parseLocalDate(validFrom)) return null;
  const others = calendar.patterns.filter((candidate) => candidate.id !== pattern?.id);
  const replaced = patternOn(others, validFrom);
  const takesOver = replaced
    ? `From ${formatLocalDay(validFrom)} it replaces "${replaced.name}".`
    : `Shifts before ${formatLocalDay(validFrom)} are not planned (no shift).`;
  const history =
    validFrom <= calendar.today
      ? " That date is not in the future: state timelines and OEE since then are recalculated with this pattern."
      : "";
  return `${takesOver}${history}`;
}

/** A new pattern (usually a copy of the current one, to edit from a date on), or a changed name or start. */
export function PatternDialog({ calendar, pattern, onClose, onSaved }: TPatternDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const first = calendar.patterns.length === 0;
  const source =
    calendar.patterns.find((candidate) => candidate.id === calendar.currentPatternId) ?? calendar.patterns.at(-1);
  const [name, setName] = useState(pattern?.name ?? "");
  const [validFrom, setValidFrom] = useState(
    pattern?.validFrom ?? (first ? `${calendar.today.slice(0, 4)}-01-01` : nextMonday(calendar.today)),
  );
  const [copyFrom, setCopyFrom] = useState(source?.id ?? "");

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
    ]);
  const create = useMutation(
    trpc.calendar.createPattern.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        onSaved(`Pattern "${name.trim()}" created.`, result.refresh, result.patternId);
      },
    }),
  );
  const update = useMutation(
    trpc.calendar.updatePattern.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        onSaved(`Pattern "${name.trim()}" saved.`, result.refresh, result.patternId);
      },
    }),
  );
  const mutation = pattern ? update : create;
  const fieldErrors = apiFieldErrors(mutation.error);
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  function save() {
    if (pattern) update.mutate({ patternId: pattern.id, name, validFrom });
    else
      create.mutate({
        siteId: calendar.site.id,
        name,
        validFrom,
        ...(copyFrom ? { copyFromPatternId: copyFrom } : {}),
      });
  }

  const effect = effectOf(calendar, pattern, validFrom);

  return (
    <FormDialog
      size="medium"
      open
      title={pattern ? `Edit pattern "${pattern.name}"` : first ? "Create the shift pattern" : "New shift pattern"}
      description={
        pattern
          ? "Rename the pattern or move the day it takes over."
          : "A pattern is the weekly plan of shifts. A newer one takes over from its first day, so next season's rota can be prepared in advance."
      }
      submitLabel={pattern ? "Save pattern" : "Create pattern"}
      pendingLabel="Saving…"
      pending={mutation.isPending}
      error={mutation.error && !hasFieldErrors ? apiErrorMessage(mutation.error) : null}
      onSubmit={save}
      onClose={onClose}
    >
      <label className="field">
        <span className="field-label">Pattern name</span>
        <input
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Two shifts, Mon–Fri or Winter 2027"
          aria-invalid={Boolean(fieldErrors.name)}
          autoComplete="off"
          maxLength={100}
        />
        <FieldErrors messages={fieldErrors.name} />
      </label>
      <label className="field">
        <span className="field-label">Valid from</span>
        <input
          className="input"
          type="date"
          value={validFrom}
          onChange={(event) => setValidFrom(event.target.value)}
          aria-invalid={Boolean(fieldErrors.validFrom)}
        />
        <FieldErrors messages={fieldErrors.validFrom} />
        {effect ? <span className="field-hint">{effect}</span> : null}
      </label>
      {!pattern && !first ? (
        <label className="field">
          <span className="field-label">Start from</span>
          <select className="select" value={copyFrom} onChange={(event) => setCopyFrom(event.target.value)}>
            {calendar.patterns.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                A copy of "{candidate.name}"{candidate.id === calendar.currentPatternId ? " (current)" : ""}
              </option>
            ))}
            <option value="">No shifts — add them one by one</option>
          </select>
          <span className="field-hint">
            {copyFrom
              ? "Shifts and breaks are copied; then change what differs."
              : "Until you add shifts, no production is planned from that day."}
          </span>
        </label>
      ) : null}
    </FormDialog>
  );
}
