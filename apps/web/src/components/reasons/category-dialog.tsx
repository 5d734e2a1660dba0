"use client";

import { CATEGORY_NAME_MAX_LENGTH } from "@gemba/domain/reasons/reason-rules";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FieldErrors } from "~/components/ui/field-errors";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import type { TReasonCategory } from "./reason-types";
import { useRefreshReasons } from "./use-reason-cache";

export type TCategoryDialogTarget = { mode: "create" } | { mode: "rename"; category: TReasonCategory };

type TCategoryDialogProps = {
  target: TCategoryDialogTarget | null;
  onClose: () => void;
  onSaved: (title: string) => void;
};

/** Add a category or rename one; names are unique in the plant. */
export function CategoryDialog(props: TCategoryDialogProps) {
  const key = props.target?.mode === "rename" ? props.target.category.id : (props.target?.mode ?? "closed");
  return <CategoryDialogBody key={key} {...props} />;
}

function CategoryDialogBody({ target, onClose, onSaved }: TCategoryDialogProps) {
  const trpc = useTRPC();
  const refresh = useRefreshReasons();
  const category = target?.mode === "rename" ? target.category : null;
  const [name, setName] = useState(category?.name ?? "");
  const [showErrors, setShowErrors] = useState(false);
  const saved = async (title: string) => {
    await refresh();
    onSaved(title);
  };
  const create = useMutation(
    trpc.reasons.createCategory.mutationOptions({ onSuccess: () => saved(`Added the category ${name.trim()}.`) }),
  );
  const rename = useMutation(
    trpc.reasons.renameCategory.mutationOptions({
      onSuccess: () => saved(`Renamed ${category?.name ?? "the category"} to ${name.trim()}.`),
    }),
  );
  const mutation = category ? rename : create;
  const pending = mutation.isPending || mutation.isSuccess;
  const clientError = name.trim() === "" ? ["Give the category a name."] : undefined;
  const fieldErrors = apiFieldErrors(mutation.error).name ?? (showErrors ? clientError : undefined);

  function submit() {
    setShowErrors(true);
    if (clientError) return;
    if (category) rename.mutate({ categoryId: category.id, name: name.trim() });
    else create.mutate({ name: name.trim() });
  }

  return (
    <FormDialog
      open={target !== null}
      title={category ? `Rename ${category.name}` : "Add a category"}
      description="Categories group reasons the way operators look for them, e.g. by machine area or by kind of problem."
      submitLabel={category ? "Rename" : "Add category"}
      pendingLabel="Saving…"
      pending={pending}
      error={mutation.error && !apiFieldErrors(mutation.error).name ? apiErrorMessage(mutation.error) : null}
      onSubmit={submit}
      onClose={onClose}
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="input"
          value={name}
          maxLength={CATEGORY_NAME_MAX_LENGTH}
          disabled={pending}
          aria-invalid={Boolean(fieldErrors)}
          onChange={(event) => setName(event.target.value)}
        />
        <FieldErrors messages={fieldErrors} />
      </label>
    </FormDialog>
  );
}
