import { TASK_PRIORITIES } from "@gemba/domain/decisions/decision-kinds";
import { ROLES } from "@gemba/domain/roles";
import { z } from "zod";

/** A client-generated key (a UUID from the tablet): the same request sent twice is applied once. */
export const ZIdempotencyKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{8,100}$/, "Use 8–100 letters, digits or - _ . :");

export const ZCreateTaskInput = z.object({
  title: z.string().trim().min(3, "Give the task a title of a few words.").max(200),
  detail: z.string().trim().max(2_000).optional(),
  priority: z.enum(TASK_PRIORITIES).default("NORMAL"),
  /** A person; for operators only themselves (left out: themselves). */
  assigneeUserId: z.uuid().optional(),
  /** Everyone with this role; managers only. */
  assigneeRole: z.enum(ROLES).optional(),
  workCenterId: z.uuid().optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type TCreateTaskInput = z.infer<typeof ZCreateTaskInput>;

export const ZInboxInput = z
  .object({
    /** open: to do (open or acknowledged); closed: done or cancelled. */
    status: z.enum(["open", "closed", "all"]).default("open"),
    /** mine: assigned to me, to my role, or to nobody; all: every task of the plant (managers). */
    scope: z.enum(["mine", "all"]).default("mine"),
    /** Every task at this work center, whoever it is assigned to (the tablet at the machine). */
    workCenterId: z.uuid().optional(),
    limit: z.number().int().min(1).max(200).default(100),
  })
  .default({ status: "open", scope: "mine", limit: 100 });
export type TInboxInput = z.infer<typeof ZInboxInput>;

export const ZTaskRefInput = z.object({ taskId: z.uuid() });

export const ZCompleteTaskInput = z.object({
  taskId: z.uuid(),
  resolution: z.string().trim().min(1, "Say what was done.").max(2_000),
});

export const ZCancelTaskInput = z.object({
  taskId: z.uuid(),
  reason: z.string().trim().min(3, "Say why the task is no longer needed.").max(500),
});
