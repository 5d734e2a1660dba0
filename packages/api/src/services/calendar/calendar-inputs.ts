import { z } from "zod";

/**
 * Inputs of the shift-calendar procedures. Zod checks shape and hard bounds only; the rules
 * with messages an admin can act on (quarter hours, overlaps, breaks inside their shift, end
 * after start) live in @gemba/domain/calendar and run in the services, after the site or pattern
 * has been found — so another plant's id is always "not found", never "invalid".
 */

/** A date on the site's calendar, "YYYY-MM-DD". */
const ZLocalDate = z.iso.date("Enter a date.");

export const ZSiteInput = z.object({ siteId: z.uuid() });

const ZPatternFields = {
  name: z.string().trim().min(1, 'Name the pattern, e.g. "Two shifts, Mon–Fri".').max(100, "Keep the name shorter."),
  /** The first local date the pattern applies to (shifts starting that day and later). */
  validFrom: ZLocalDate,
};

export const ZCreatePatternInput = z.object({
  siteId: z.uuid(),
  ...ZPatternFields,
  /** Start from a copy of another pattern of the same site (usually the one in effect). */
  copyFromPatternId: z.uuid().optional(),
});

export const ZUpdatePatternInput = z.object({ patternId: z.uuid(), ...ZPatternFields });

export const ZPatternIdInput = z.object({ patternId: z.uuid() });

const ZShiftBreakInput = z.object({
  name: z.string().trim().max(200),
  startOffsetMinutes: z.int().min(0).max(1440),
  durationMinutes: z.int().min(0).max(1440),
});

export const ZShiftInput = z.object({
  name: z.string().trim().max(200),
  /** ISO weekdays the shift starts on, in the site's zone (1 = Monday … 7 = Sunday). */
  weekdays: z.array(z.int().min(1).max(7)).max(7),
  /** Local wall-clock start, minutes after midnight. */
  startMinute: z.int().min(0).max(1439),
  durationMinutes: z.int().min(0).max(1440),
  breaks: z.array(ZShiftBreakInput).max(50),
});

export const ZCreateShiftInput = z.object({ patternId: z.uuid(), shift: ZShiftInput });
export const ZUpdateShiftInput = z.object({ shiftId: z.uuid(), shift: ZShiftInput });
export const ZShiftIdInput = z.object({ shiftId: z.uuid() });

const ZNoShiftPeriodFields = {
  kind: z.enum(["HOLIDAY", "SHUTDOWN", "PLANNED_MAINTENANCE"]),
  reason: z.string().trim().max(500),
  /** Local date and minute after midnight in the site's zone; 1440 is the next midnight. */
  startDate: ZLocalDate,
  startMinute: z.int().min(0).max(1440),
  endDate: ZLocalDate,
  endMinute: z.int().min(0).max(1440),
};

export const ZCreateNoShiftPeriodInput = z.object({ siteId: z.uuid(), ...ZNoShiftPeriodFields });
export const ZUpdateNoShiftPeriodInput = z.object({ periodId: z.uuid(), ...ZNoShiftPeriodFields });
export const ZNoShiftPeriodIdInput = z.object({ periodId: z.uuid() });

export type TSiteInput = z.infer<typeof ZSiteInput>;
export type TCreatePatternInput = z.infer<typeof ZCreatePatternInput>;
export type TUpdatePatternInput = z.infer<typeof ZUpdatePatternInput>;
export type TPatternIdInput = z.infer<typeof ZPatternIdInput>;
export type TShiftInput = z.infer<typeof ZShiftInput>;
export type TCreateShiftInput = z.infer<typeof ZCreateShiftInput>;
export type TUpdateShiftInput = z.infer<typeof ZUpdateShiftInput>;
export type TShiftIdInput = z.infer<typeof ZShiftIdInput>;
export type TCreateNoShiftPeriodInput = z.infer<typeof ZCreateNoShiftPeriodInput>;
export type TUpdateNoShiftPeriodInput = z.infer<typeof ZUpdateNoShiftPeriodInput>;
export type TNoShiftPeriodIdInput = z.infer<typeof ZNoShiftPeriodIdInput>;
