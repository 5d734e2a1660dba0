"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FormDialog } from "~/components/ui/form-dialog";
import { CheckIcon } from "~/components/ui/icons";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./handover.module.css";
import { shiftTitle } from "./handover-format";
import type { THandover } from "./handover-types";

function useRefreshHandovers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.handover.pathKey() });
}

/**
 * The outgoing lead signs: asks once, because figures and notes are final afterwards. With
 * `beforeSign` (the notes editor's "save now"), notes still being typed are saved first.
 */
export function SignHandoverButton({
  handover,
  beforeSign,
  onSigned,
}: {
  handover: THandover;
  beforeSign?: () => Promise<boolean>;
  onSigned?: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshHandovers();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const sign = useMutation(
    trpc.handover.sign.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await refresh();
        onSigned?.();
      },
    }),
  );
  if (!handover.viewer.canSign) return null;
  return (
    <>
      <button
        type="button"
        className={`btn btn-primary btn-lg ${styles.touch}`}
        onClick={() => {
          sign.reset();
          setUnsaved(false);
          setOpen(true);
        }}
      >
        <CheckIcon size={18} /> Sign and hand over
      </button>
      <FormDialog
        open={open}
        title="Sign and hand over?"
        description={shiftTitle(handover, handover.site.timeZone)}
        submitLabel="Sign and hand over"
        pendingLabel="Signing…"
        pending={saving || sign.isPending}
        error={
          unsaved
            ? "Your latest notes could not be saved, so the handover is not signed. Check the notes, then sign again."
            : sign.error
              ? apiErrorMessage(sign.error)
              : null
        }
        onSubmit={async () => {
          setSaving(true);
          const notesSaved = beforeSign ? await beforeSign() : true;
          setSaving(false);
          setUnsaved(!notesSaved);
          if (notesSaved) sign.mutate({ handoverId: handover.id });
        }}
        onClose={() => setOpen(false)}
      >
        <p>
          Once signed, the figures and your notes are final, and the next shift is asked to acknowledge them. Anything
          you still want to say belongs in the notes now.
        </p>
      </FormDialog>
    </>
  );
}

/**
 * The incoming lead takes the shift over, with an optional note. Shown on the handover page and
 * on the floor tablet; the signer sees why it is not theirs to press.
 */
export function AcknowledgeHandoverButton({
  handover,
  onAcknowledged,
  explainDraft = false,
}: {
  handover: THandover;
  onAcknowledged?: () => void;
  /** Say that a draft waits for its signature (the tablet; the handover page shows "Sign" instead). */
  explainDraft?: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshHandovers();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const acknowledge = useMutation(
    trpc.handover.acknowledge.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await refresh();
        onAcknowledged?.();
      },
    }),
  );
  if (handover.status === "DRAFT" && explainDraft) {
    return <p className={styles.actionHint}>The outgoing lead has not signed this handover yet.</p>;
  }
  if (handover.status !== "SIGNED") return null;
  if (handover.viewer.signedByMe) {
    return (
      <p className={styles.actionHint}>You signed this handover. Someone taking over the next shift acknowledges it.</p>
    );
  }
  return (
    <>
      <button
        type="button"
        className={`btn btn-primary btn-lg ${styles.touch}`}
        onClick={() => {
          acknowledge.reset();
          setOpen(true);
        }}
      >
        <CheckIcon size={18} /> Acknowledge
      </button>
      <FormDialog
        open={open}
        title="Take over the shift?"
        description={shiftTitle(handover, handover.site.timeZone)}
        submitLabel="Acknowledge"
        pendingLabel="Acknowledging…"
        pending={acknowledge.isPending}
        error={acknowledge.error ? apiErrorMessage(acknowledge.error) : null}
        onSubmit={() => acknowledge.mutate({ handoverId: handover.id, ...(note.trim() ? { note: note.trim() } : {}) })}
        onClose={() => setOpen(false)}
      >
        <div className="field">
          <label className="field-label" htmlFor={noteId}>
            Note for the record <span className="subtle">(optional)</span>
          </label>
          <textarea
            id={noteId}
            className={`input ${styles.noteInput}`}
            rows={3}
            maxLength={2000}
            value={note}
            placeholder="What you checked, or what you will follow up"
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
      </FormDialog>
    </>
  );
}
