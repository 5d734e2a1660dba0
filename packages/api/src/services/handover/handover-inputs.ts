import { NOTES_MAX_LENGTH } from "@gemba/domain/handover/handover-rules";
import { HANDOVER_STATUSES } from "@gemba/domain/handover/handover-summary";
import { z } from "zod";

/** A site of the plant; left out: the first site (by code), which is the whole plant for most. */
export const ZHandoverSiteInput = z.object({ siteId: z.uuid().optional() }).default({});
export type THandoverSiteInput = z.infer<typeof ZHandoverSiteInput>;

export const ZHandoverRefInput = z.object({ handoverId: z.uuid() });

/** Saved as typed (autosave): not trimmed, so a space or line break being typed is not lost. */
export const ZUpdateNotesInput = z.object({
  handoverId: z.uuid(),
  notes: z
    .string()
    .max(NOTES_MAX_LENGTH, `Keep the notes under ${NOTES_MAX_LENGTH.toLocaleString("en-US")} characters.`),
});

export const ZAcknowledgeInput = z.object({
  handoverId: z.uuid(),
  note: z.string().trim().max(2_000, "Keep the note under 2,000 characters.").optional(),
});

export const ZListHandoversInput = z
  .object({
    siteId: z.uuid().optional(),
    /** Words in the notes or anywhere in the report. */
    q: z.string().trim().max(200).optional(),
    status: z.enum(HANDOVER_STATUSES).optional(),
    shiftName: z.string().trim().min(1).max(100).optional(),
    /** Local dates of the shift's start at its site, both included. */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    cursor: z.string().max(80).optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: "The end date must not come before the start date.",
    path: ["to"],
  });
export type TListHandoversInput = z.infer<typeof ZListHandoversInput>;
