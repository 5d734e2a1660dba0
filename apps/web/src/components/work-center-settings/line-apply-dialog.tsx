"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { TRecalculationSummary } from "~/components/reasons/recalculation";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { SecondsInput } from "./seconds-input";
import type { TWorkCenterThresholdRow } from "./threshold-row";
import {
  describeMicroStop,
  describeTimeout,
  draftOf,
  formatDuration,
  readThresholds,
  type TThresholdLimits,
} from "./threshold-values";
import styles from "./work-center-settings.module.css";

export type TLineTarget = { id: string; name: string; areaName: string; workCenters: TWorkCenterThresholdRow[] };

type TLineApplyDialogProps = {
  line: TLineTarget | null;
  limits: TThresholdLimits;
  rederiveDays: number;
  onClose: () => void;
  onSaved: (line: TLineTarget, result: { updated: number; recalculation: TRecalculationSummary }) => Promise<void>;
};

/** One pair of thresholds for every work center of a line, e.g. after a line-wide PLC change. */
export function LineApplyDialog(props: TLineApplyDialogProps) {
  return <LineApplyBody key={props.line?.id ?? "closed"} {...props} />;
}

function LineApplyBody({ line, limits, rederiveDays, onClose, onSaved }: TLineApplyDialogProps) {
  const trpc = useTRPC();
  const first = line?.workCenters[0];
  const [draft, setDraft] = useState(() =>
    draftOf(first ?? { microStopThresholdSeconds: 120, unknownTimeoutSeconds: 600 }),
  );
  const [showErrors, setShowErrors] = useState(false);
  const apply = useMutation(
    trpc.reasons.setWorkCenterThresholds.mutationOptions({
      onSuccess: (result) => (line ? onSaved(line, result) : Promise.resolve()),
    }),
  );
  const { values, errors } = readThresholds(draft, limits);
  const pending = apply.isPending || apply.isSuccess;

  function submit() {
    setShowErrors(true);
    if (!line || !values) return;
    apply.mutate({ workCenterIds: line.workCenters.map((workCenter) => workCenter.id), ...values });
  }

  return (
    <FormDialog
      open={line !== null}
      size="wide"
      title={`Apply to all of ${line?.name ?? "the line"}`}
      description={`Sets both thresholds on the ${line?.workCenters.length ?? 0} work centers of ${line?.areaName ?? ""} › ${line?.name ?? ""}.`}
      submitLabel="Apply to line"
      pendingLabel="Applying…"
      pending={pending}
      error={apply.error ? apiErrorMessage(apply.error) : null}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className={styles.dialogFields}>
        <div className="field">
          <span className="field-label">Minor-stop threshold</span>
          <SecondsInput
            label="Minor-stop threshold for the line"
            value={draft.micro}
            min={limits.microStopThresholdSeconds.min}
            max={limits.microStopThresholdSeconds.max}
            hint={describeMicroStop(draft.micro)}
            error={showErrors ? errors.micro : undefined}
            disabled={pending}
            onChange={(micro) => setDraft({ ...draft, micro })}
          />
        </div>
        <div className="field">
          <span className="field-label">Signal timeout</span>
          <SecondsInput
            label="Signal timeout for the line"
            value={draft.unknown}
            min={limits.unknownTimeoutSeconds.min}
            max={limits.unknownTimeoutSeconds.max}
            hint={describeTimeout(draft.unknown)}
            error={showErrors ? errors.unknown : undefined}
            disabled={pending}
            onChange={(unknown) => setDraft({ ...draft, unknown })}
          />
        </div>
      </div>
      <div className={styles.affected}>
        <span className="field-label">Work centers now</span>
        <ul>
          {line?.workCenters.map((workCenter) => (
            <li key={workCenter.id}>
              <span>
                <strong>{workCenter.code}</strong> {workCenter.name}
              </span>
              <span className="subtle">
                {formatDuration(workCenter.microStopThresholdSeconds)} ·{" "}
                {formatDuration(workCenter.unknownTimeoutSeconds)}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p className="field-hint">
        Each changed work center&apos;s last {rederiveDays} days are recalculated in the background.
      </p>
    </FormDialog>
  );
}
