"use client";

import { useMutation } from "@tanstack/react-query";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import type { TReason } from "./reason-types";
import styles from "./reasons.module.css";
import { useRefreshReasons } from "./use-reason-cache";

type TDeactivateDialogProps = {
  reason: TReason | null;
  onClose: () => void;
  onDone: (title: string, detail: string) => void;
};

/** Why a reason is deactivated and not deleted, asked once before operators lose it. */
export function DeactivateDialog({ reason, onClose, onDone }: TDeactivateDialogProps) {
  const trpc = useTRPC();
  const refresh = useRefreshReasons();
  const deactivate = useMutation(
    trpc.reasons.setReasonActive.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(
          `Deactivated ${reason?.label ?? "the reason"}.`,
          "Operators no longer see it; stops already classified with it keep it.",
        );
      },
    }),
  );
  return (
    <FormDialog
      open={reason !== null}
      title={`Deactivate ${reason?.label ?? ""}?`}
      submitLabel="Deactivate reason"
      pendingLabel="Deactivating…"
      pending={deactivate.isPending}
      error={deactivate.error ? apiErrorMessage(deactivate.error) : null}
      onSubmit={() => reason && deactivate.mutate({ code: reason.code, active: false })}
      onClose={() => {
        deactivate.reset();
        onClose();
      }}
    >
      <div className={styles.dialogText}>
        <p>
          Operators will no longer be able to pick <strong>{reason?.label}</strong> (<code>{reason?.code}</code>) for a
          stop or scrapped parts.
        </p>
        <p>
          Reasons are never deleted: stops already classified with it, and the timeline and OEE figures built from them,
          keep explaining the past exactly as before. You can reactivate it at any time.
        </p>
      </div>
    </FormDialog>
  );
}
