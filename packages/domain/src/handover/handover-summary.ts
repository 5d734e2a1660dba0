import { z } from "zod";
import { TASK_PRIORITIES } from "../decisions/decision-kinds";

/**
 * The figures of a shift handover (ShiftHandover.summary), drafted from the data when the shift
 * ends and frozen when the outgoing lead signs. Stored as JSON, so every instant is an ISO string
 * and the shape carries a version: a stored summary is always read back through this schema.
 */
export const HANDOVER_SUMMARY_VERSION = 1;

const ZInstant = z.iso.datetime({ offset: true });
/** 0..1 and more (performance may exceed 1: display caps it, storage keeps it); null without a base. */
const ZRatio = z.number().nullable();

export const HANDOVER_LOSS_KEYS = [
  "EQUIPMENT_FAILURE",
  "SETUP_ADJUSTMENT",
  "UNKNOWN",
  "MINOR_STOPS",
  "REDUCED_SPEED",
  "PROCESS_DEFECTS",
  "STARTUP_REJECTS",
] as const;
export type THandoverLossKey = (typeof HANDOVER_LOSS_KEYS)[number];

export const handoverLossLabels: Record<THandoverLossKey, string> = {
  EQUIPMENT_FAILURE: "Equipment failure",
  SETUP_ADJUSTMENT: "Setup and adjustment",
  UNKNOWN: "No signal",
  MINOR_STOPS: "Idling and minor stops",
  REDUCED_SPEED: "Reduced speed",
  PROCESS_DEFECTS: "Process defects",
  STARTUP_REJECTS: "Start-up rejects",
};

/** OEE of a line or the site over the shift, with where the planned time went. */
export const ZHandoverOee = z.object({
  plannedMinutes: z.number(),
  runMinutes: z.number(),
  totalCount: z.number(),
  goodCount: z.number(),
  /** Units without a known ideal cycle: performance is understated by them. */
  countWithoutIdealCycle: z.number(),
  availability: ZRatio,
  performance: ZRatio,
  quality: ZRatio,
  oee: ZRatio,
  /** Minutes per big loss (quality losses: ideal time of the scrapped units), and time without signal. */
  lossMinutes: z.record(z.enum(HANDOVER_LOSS_KEYS), z.number()),
});
export type THandoverOee = z.infer<typeof ZHandoverOee>;

export const ZHandoverLineOee = ZHandoverOee.extend({
  lineId: z.uuid(),
  code: z.string(),
  name: z.string(),
});

export const ZHandoverDowntime = z.object({
  workCenterId: z.uuid(),
  workCenterCode: z.string(),
  workCenterName: z.string(),
  /** Null for stops nobody has classified yet, and for stops reported without a reason. */
  reasonCode: z.string().nullable(),
  /** The reason's label, "Unclassified", or "No reason given". */
  reasonLabel: z.string(),
  unclassified: z.boolean(),
  /** Stop time inside the shift. */
  minutes: z.number(),
  /** Distinct stops. */
  count: z.number().int(),
});

export const ZHandoverOrder = z.object({
  orderId: z.uuid(),
  externalId: z.string(),
  productName: z.string(),
  workCenterCode: z.string().nullable(),
  status: z.string(),
  quantity: z.number().int(),
  /** Good units made during this shift. */
  producedGoodInShift: z.number(),
  /** Good units made since the order started, up to the end of the shift. */
  producedGood: z.number(),
  /** producedGood / quantity, not capped. */
  progress: z.number(),
  dueAt: ZInstant,
  /** As projected when the handover was drafted. */
  atRisk: z.boolean(),
  late: z.boolean(),
});

export const ZHandoverTask = z.object({
  taskId: z.uuid(),
  title: z.string(),
  priority: z.enum(TASK_PRIORITIES),
  dueAt: ZInstant.nullable(),
  workCenterCode: z.string().nullable(),
  /** Due before the handover was drafted. */
  overdue: z.boolean(),
});

export const ZHandoverDecision = z.object({
  decisionId: z.uuid(),
  title: z.string(),
  decidedAt: ZInstant,
  decidedBy: z.string(),
  workCenterCode: z.string().nullable(),
});

export const ZHandoverUnclassifiedDowntime = z.object({
  workCenterId: z.uuid(),
  workCenterCode: z.string(),
  workCenterName: z.string(),
  /** The stop's start: with the work center, the key to classify it. */
  since: ZInstant,
  /** The whole stop so far, breaks left out. */
  minutes: z.number(),
  ongoing: z.boolean(),
});

export const ZHandoverSummary = z.object({
  version: z.literal(HANDOVER_SUMMARY_VERSION),
  site: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  shift: z.object({ key: z.string(), name: z.string(), start: ZInstant, end: ZInstant }),
  draftedAt: ZInstant,
  /** The figures cover the shift up to here: its end, or the drafting time while it still ran. */
  coveredUntil: ZInstant,
  oee: z.object({ site: ZHandoverOee, lines: z.array(ZHandoverLineOee) }),
  topDowntimes: z.array(ZHandoverDowntime),
  orders: z.array(ZHandoverOrder),
  tasks: z.object({
    /** Open or acknowledged tasks at the site's work centers and plant-wide ones, when drafted. */
    openCount: z.number().int(),
    urgentCount: z.number().int(),
    overdueCount: z.number().int(),
    top: z.array(ZHandoverTask),
  }),
  decisions: z.array(ZHandoverDecision),
  unclassifiedDowntimes: z.array(ZHandoverUnclassifiedDowntime),
});

export type THandoverSummary = z.infer<typeof ZHandoverSummary>;
export type THandoverLineOee = z.infer<typeof ZHandoverLineOee>;
export type THandoverDowntime = z.infer<typeof ZHandoverDowntime>;
export type THandoverOrder = z.infer<typeof ZHandoverOrder>;
export type THandoverTask = z.infer<typeof ZHandoverTask>;
export type THandoverDecision = z.infer<typeof ZHandoverDecision>;
export type THandoverUnclassifiedDowntime = z.infer<typeof ZHandoverUnclassifiedDowntime>;

export const HANDOVER_STATUSES = ["DRAFT", "SIGNED", "ACKNOWLEDGED"] as const;
export type THandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const handoverStatusLabels: Record<THandoverStatus, string> = {
  DRAFT: "Draft",
  SIGNED: "Signed, to acknowledge",
  ACKNOWLEDGED: "Acknowledged",
};
