"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { TRecalculationSummary } from "~/components/reasons/recalculation";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { SecondsInput } from "./seconds-input";
import {
  describeMicroStop,
  describeTimeout,
  draftOf,
  readThresholds,
  sameThresholds,
  type TThresholdLimits,
  type TThresholds,
} from "./threshold-values";
import styles from "./work-center-settings.module.css";

export type TWorkCenterThresholdRow = TThresholds & { id: string; code: string; name: string };

type TThresholdRowProps = {
  workCenter: TWorkCenterThresholdRow;
  limits: TThresholdLimits;
  defaults: TThresholds;
  onSaved: (workCenter: TWorkCenterThresholdRow, result: { recalculation: TRecalculationSummary }) => Promise<void>;
};

/** One work center, edited in place: Enter or Save stores both thresholds; Reset drops the edit. */
export function ThresholdRow({ workCenter, limits, defaults, onSaved }: TThresholdRowProps) {
  const trpc = useTRPC();
  const formId = useId();
  const [draft, setDraft] = useState(() => draftOf(workCenter));
  const save = useMutation(
    trpc.reasons.setWorkCenterThresholds.mutationOptions({
      onSuccess: (result) => onSaved(workCenter, result),
    }),
  );
  const { values, errors } = readThresholds(draft, limits);
  const dirty = values === null || !sameThresholds(values, workCenter);
  const serverErrors = apiFieldErrors(save.error);
  const microError = errors.micro ?? serverErrors.microStopThresholdSeconds?.join(" ");
  const unknownError = errors.unknown ?? serverErrors.unknownTimeoutSeconds?.join(" ");
  const generalError = save.error && !microError && !unknownError ? apiErrorMessage(save.error) : null;

  return (
    <tr className={dirty ? styles.dirtyRow : undefined} data-work-center-code={workCenter.code}>
      <td className={styles.nameCell}>
        <div className="cell-stack">
          <span className={styles.workCenterName}>{workCenter.code}</span>
          <small>{workCenter.name}</small>
        </div>
      </td>
      <td>
        <SecondsInput
          form={formId}
          label={`Minor-stop threshold of ${workCenter.code}`}
          value={draft.micro}
          min={limits.microStopThresholdSeconds.min}
          max={limits.microStopThresholdSeconds.max}
          hint={describeMicroStop(draft.micro, defaults.microStopThresholdSeconds)}
          error={microError}
          disabled={save.isPending}
          onChange={(micro) => setDraft({ ...draft, micro })}
        />
      </td>
      <td>
        <SecondsInput
          form={formId}
          label={`Signal timeout of ${workCenter.code}`}
          value={draft.unknown}
          min={limits.unknownTimeoutSeconds.min}
          max={limits.unknownTimeoutSeconds.max}
          hint={describeTimeout(draft.unknown, defaults.unknownTimeoutSeconds)}
          error={unknownError}
          disabled={save.isPending}
          onChange={(unknown) => setDraft({ ...draft, unknown })}
        />
      </td>
      <td className={styles.actionsCell}>
        <form
          id={formId}
          className={styles.rowActions}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (values && dirty) save.mutate({ workCenterIds: [workCenter.id], ...values });
          }}
        >
          {/* Saving is offered once something changed; Enter in either input saves too. */}
          {dirty ? (
            <>
              <button
                type="button"
                className="btn btn-ghost"
                disabled={save.isPending}
                onClick={() => {
                  setDraft(draftOf(workCenter));
                  save.reset();
                }}
              >
                Reset<span className="visually-hidden"> {workCenter.code}</span>
              </button>
              <button type="submit" className="btn btn-primary" disabled={values === null || save.isPending}>
                {save.isPending ? "Saving…" : "Save"}
                <span className="visually-hidden"> {workCenter.code}</span>
              </button>
            </>
          ) : null}
        </form>
        {generalError ? (
          <p className="field-error" role="alert">
            {generalError}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
