import type { AppRouter } from "@gemba/api/root";
import type { TRPCClient } from "@trpc/client";
import type { inferRouterInputs } from "@trpc/server";
import type { TSender } from "./queue-types";

/**
 * What the tablet can do offline, and the request each becomes. Inputs are stored as JSON in
 * IndexedDB, so instants are ISO strings. The queued action's client id becomes the request's
 * idempotency key; task changes are idempotent by state (acknowledging twice is a no-op).
 */
export type TFloorActionInputs = {
  "downtime.classify": { workCenterId: string; stopStart: string; reasonCode: string };
  "floor.andon": { workCenterId: string; calledAt: string; note?: string };
  "tasks.acknowledge": { taskId: string };
  "tasks.complete": { taskId: string; resolution: string };
  /** A checklist answer: applied once per key on the server, even after newer answers. */
  "checklists.answer": Omit<inferRouterInputs<AppRouter>["checklists"]["runs"]["recordAnswer"], "idempotencyKey">;
  /** Completing or abandoning a run twice is a no-op on the server. */
  "checklists.complete": { runId: string; signOff: boolean };
  "checklists.abandon": { runId: string; reason: string };
};
export type TFloorActionKind = keyof TFloorActionInputs;

export function floorSenders(client: TRPCClient<AppRouter>): Record<TFloorActionKind, TSender> {
  return {
    "downtime.classify": (input, idempotencyKey, signal) =>
      client.downtime.classify.mutate(
        { ...(input as TFloorActionInputs["downtime.classify"]), idempotencyKey },
        { signal },
      ),
    "floor.andon": (input, idempotencyKey, signal) =>
      client.floor.andon.mutate({ ...(input as TFloorActionInputs["floor.andon"]), idempotencyKey }, { signal }),
    "tasks.acknowledge": (input, _key, signal) =>
      client.tasks.acknowledge.mutate(input as TFloorActionInputs["tasks.acknowledge"], { signal }),
    "tasks.complete": (input, _key, signal) =>
      client.tasks.complete.mutate(input as TFloorActionInputs["tasks.complete"], { signal }),
    "checklists.answer": (input, idempotencyKey, signal) =>
      client.checklists.runs.recordAnswer.mutate(
        { ...(input as TFloorActionInputs["checklists.answer"]), idempotencyKey },
        { signal },
      ),
    "checklists.complete": (input, _key, signal) =>
      client.checklists.runs.complete.mutate(input as TFloorActionInputs["checklists.complete"], { signal }),
    "checklists.abandon": (input, _key, signal) =>
      client.checklists.runs.abandon.mutate(input as TFloorActionInputs["checklists.abandon"], { signal }),
  };
}
