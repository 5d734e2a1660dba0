import { z } from "zod";
import { ZIdempotencyKey } from "../tasks/task-inputs";

export const ZFloorWorkCenterInput = z.object({ workCenterId: z.uuid() });

export const ZCallAndonInput = z.object({
  workCenterId: z.uuid(),
  /** Made by the tablet when the operator confirms: the event's dedupe key, so a re-send is one call. */
  idempotencyKey: ZIdempotencyKey,
  /** When the operator pressed it (a call queued offline is sent later); the server's clock bounds it. */
  calledAt: z.iso.datetime({ offset: true }).optional(),
  note: z.string().trim().max(500).optional(),
});
export type TCallAndonInput = z.infer<typeof ZCallAndonInput>;
