"use client";

import { normalizeReasonCode } from "@gemba/domain/reasons/reason-rules";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { changesCounting, draftErrors, draftOf, newDraft, type TDraftErrors, type TReasonDraft } from "./reason-draft";
import { ReasonFields } from "./reason-fields";
import type { TReason, TReasonCategory, TRecalculation } from "./reason-types";
import { useRefreshReasons } from "./use-reason-cache";

/** What the dialog is open for: a new reason (in a category) or an existing one. */
export type TReasonDialogTarget =
  | { mode: "create"; categoryId: string }
  | { mode: "edit"; reason: TReason; categoryId: string };

type TReasonDialogProps = {
  target: TReasonDialogTarget | null;
  categories: readonly TReasonCategory[];
  onClose: () => void;
  onSaved: (title: string, recalculation: TRecalculation | null) => void;
};

/** Add or edit a reason; the dialog body is re-created per target so each opens with fresh values. */
export function ReasonDialog({ target, categories, onClose, onSaved }: TReasonDialogProps) {
  const key = target ? `${target.mode}-${target.mode === "edit" ? target.reason.code : target.categoryId}` : "closed";
  return <ReasonDialogBody key={key} target={target} categories={categories} onClose={onClose} onSaved={onSaved} />;
}

function ReasonDialogBody({ target, categories, onClose, onSaved }: TReasonDialogProps) {
  const trpc = useTRPC();
  const refresh = useRefreshReasons();
  const reason = target?.mode === "edit" ? target.reason : null;
  const mode = target?.mode ?? "create";
  const [draft, setDraft] = useState<TReasonDraft>(() =>
    reason && target ? draftOf(reason, target.categoryId) : newDraft(target?.categoryId ?? categories[0]?.id ?? ""),
  );
  const [showErrors, setShowErrors] = useState(false);

  const done = async (title: string, recalculation: TRecalculation | null) => {
    await refresh();
    onSaved(title, recalculation);
  };
  const create = useMutation(
    trpc.reasons.createReason.mutationOptions({
      // A brand-new code usually has no history; when a machine already sent it, say it is recounted.
      onSuccess: (result) =>
        done(
          `Added ${draft.label.trim()} (${result.code}).`,
          result.recalculation.workCenterCount > 0 ? result.recalculation : null,
        ),
    }),
  );
  const update = useMutation(
    trpc.reasons.updateReason.mutationOptions({
      onSuccess: (result) =>
        done(
          `Saved ${draft.label.trim()} (${result.code}).`,
          changesCounting(draft, reason) ? result.recalculation : null,
        ),
    }),
  );
  const mutation = mode === "create" ? create : update;
  const pending = mutation.isPending || mutation.isSuccess;

  const clientErrors = draftErrors(draft, mode);
  const serverErrors = apiFieldErrors(mutation.error) as TDraftErrors;
  const errors: TDraftErrors = showErrors ? { ...serverErrors, ...clientErrors } : serverErrors;
  const hasServerFieldErrors = Object.keys(serverErrors).length > 0;

  function submit() {
    setShowErrors(true);
    if (Object.keys(clientErrors).length > 0) return;
    const input = {
      code: normalizeReasonCode(draft.code),
      categoryId: draft.categoryId,
      label: draft.label.trim(),
      appliesTo: draft.appliesTo,
      lossCategory: draft.lossCategory,
      excludedFromPlannedTime: draft.excludedFromPlannedTime,
    };
    if (mode === "create") create.mutate(input);
    else update.mutate(input);
  }

  const recounts = changesCounting(draft, reason);
  return (
    <FormDialog
      open={target !== null}
      size="wide"
      title={reason ? `Edit ${reason.label}` : "Add a reason"}
      description={
        reason
          ? "Label, category and how the reason counts. Operators see changes at once."
          : "A reason operators can pick for a stop or scrapped parts, and the loss it counts against."
      }
      submitLabel={reason ? "Save reason" : "Add reason"}
      pendingLabel="Saving…"
      pending={pending}
      error={mutation.error && !hasServerFieldErrors ? apiErrorMessage(mutation.error) : null}
      onSubmit={submit}
      onClose={onClose}
    >
      <ReasonFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        mode={mode}
        categories={categories}
        disabled={pending}
      />
      {recounts ? (
        <Alert tone="info">
          Saving changes how {reason?.code} counts. Every stop and scrapped part recorded with it is recalculated, on
          every work center, so past dashboards agree with the new setting.
        </Alert>
      ) : null}
    </FormDialog>
  );
}
