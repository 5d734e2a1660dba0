"use client";

import { NOTES_MAX_LENGTH } from "@gemba/domain/handover/handover-rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type RefObject, useCallback, useEffect, useId, useRef, useState } from "react";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./handover.module.css";
import { formatClock } from "./handover-format";
import type { THandover } from "./handover-types";

/** Typing pauses this long before the notes are saved. */
const AUTOSAVE_DELAY_MS = 800;

type TSaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string };

/**
 * The outgoing lead's notes, saved as they type (after a pause, or on leaving the field) one save
 * at a time, so an older text never lands after a newer one. Says whether it is saved; closing
 * the page with unsaved words asks first.
 * Render it with key={handover.id}: the text belongs to one handover.
 */
export function HandoverNotesEditor({
  handover,
  flushRef,
}: {
  handover: THandover;
  /** Set to "save now" while mounted: signing waits for the notes to be saved first. */
  flushRef?: RefObject<(() => Promise<boolean>) | null>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fieldId = useId();
  const [text, setText] = useState(handover.notes);
  const [state, setState] = useState<TSaveState>({ kind: "idle" });
  const saved = useRef(handover.notes);
  const latest = useRef(handover.notes);
  // Saves run one after another, each sending the text as it is when its turn comes.
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const { mutateAsync: saveNotes } = useMutation(trpc.handover.updateNotes.mutationOptions());

  /** Saves what is typed; resolves to whether everything typed so far is saved. */
  const save = useCallback((): Promise<boolean> => {
    const turn = queue.current.then(async () => {
      if (latest.current === saved.current) return true;
      const sending = latest.current;
      setState({ kind: "saving" });
      try {
        const result = await saveNotes({ handoverId: handover.id, notes: sending });
        saved.current = sending;
        setState({ kind: "saved", at: new Date(result.updatedAt) });
        void queryClient.invalidateQueries({ queryKey: trpc.handover.list.pathKey() });
        return latest.current === saved.current;
      } catch (error) {
        setState({ kind: "error", message: apiErrorMessage(error) });
        return false;
      }
    });
    queue.current = turn;
    return turn;
  }, [handover.id, saveNotes, queryClient, trpc]);

  useEffect(() => {
    if (!flushRef) return;
    flushRef.current = save;
    return () => {
      flushRef.current = null;
    };
  }, [flushRef, save]);

  useEffect(() => {
    latest.current = text;
    if (text === saved.current) return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, save]);

  // Leaving with unsaved words: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const timeZone = handover.site.timeZone;
  const dirty = text !== saved.current;
  return (
    <div className={styles.notesEditor}>
      <label htmlFor={fieldId} className="visually-hidden">
        Notes for the next shift
      </label>
      <textarea
        id={fieldId}
        className={`input ${styles.notesInput}`}
        value={text}
        maxLength={NOTES_MAX_LENGTH}
        rows={6}
        placeholder="What the next shift must know: problems still open, what you tried, who to call, what to watch."
        data-testid="handover-notes-input"
        onChange={(event) => {
          latest.current = event.target.value;
          setText(event.target.value);
        }}
        onBlur={() => void save()}
      />
      <p className={styles.notesPrint} aria-hidden="true">
        {text.trim() || "No notes."}
      </p>
      <div className={styles.saveState} role="status" data-testid="handover-save-state" data-state={state.kind}>
        {state.kind === "error" ? (
          <>
            <span className={styles.saveError}>Not saved: {state.message}</span>
            <button type="button" className="btn btn-ghost" onClick={() => void save()}>
              Try again
            </button>
          </>
        ) : state.kind === "saving" || dirty ? (
          <span>Saving…</span>
        ) : state.kind === "saved" ? (
          <span>Saved at {formatClock(state.at, timeZone)}</span>
        ) : (
          <span>Changes are saved as you type.</span>
        )}
      </div>
    </div>
  );
}
