"use client";

import type { TMediaType } from "@gemba/domain/checklists/media-rules";
import { useMemo } from "react";
import { useTRPCClient } from "~/trpc/react";
import type { TRecordAnswerInput } from "./checklist-types";

/**
 * How the ChecklistRunner sends what the operator does. Each action gets exactly the input of the
 * matching tRPC mutation (without the key) plus a `clientId` made once per action (a UUID): send
 * it as the mutation's `idempotencyKey` where there is one, or keep it as the queue entry's id.
 * A queue may store the input as JSON and replay it later; replays are safe on the server: an
 * answer's key is applied once (even after newer answers), and completing or abandoning twice is
 * a no-op.
 *
 * Resolve the promise when the action is safely on its way (sent, or stored in an offline
 * queue); reject it with an Error whose message the operator should read when it was refused.
 */
export type TChecklistRunnerActions = {
  /** checklists.runs.recordAnswer */
  answer: (input: Omit<TRecordAnswerInput, "idempotencyKey">, clientId: string) => Promise<void>;
  /** checklists.runs.complete */
  complete: (input: { runId: string; signOff: boolean }, clientId: string) => Promise<void>;
  /** checklists.runs.abandon */
  abandon: (input: { runId: string; reason: string }, clientId: string) => Promise<void>;
  /**
   * checklists.media.upload, for a photo the runner has already scaled down (≤ 2 MB JPEG). Photos
   * need a connection: the runner says so when this rejects, and the step stays unanswered.
   */
  uploadPhoto: (input: { contentType: TMediaType; dataBase64: string }) => Promise<{ mediaId: string }>;
};

/** The actions sent straight to the API (the manager's browser); `onSent` runs after each, e.g. to refetch. */
export function useDirectChecklistActions(onSent?: () => void | Promise<void>): TChecklistRunnerActions {
  const client = useTRPCClient();
  return useMemo(
    () => ({
      answer: async (input, clientId) => {
        await client.checklists.runs.recordAnswer.mutate({ ...input, idempotencyKey: clientId });
        await onSent?.();
      },
      complete: async (input) => {
        await client.checklists.runs.complete.mutate(input);
        await onSent?.();
      },
      abandon: async (input) => {
        await client.checklists.runs.abandon.mutate(input);
        await onSent?.();
      },
      uploadPhoto: (input) => client.checklists.media.upload.mutate(input),
    }),
    [client, onSent],
  );
}
