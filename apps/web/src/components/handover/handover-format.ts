import type { THandoverStatus } from "@gemba/domain/handover/handover-summary";

const LOCALE = "en-US";

/** "Mon, Nov 16" in the site's clock: which shift a handover is about. */
export function formatShiftDay(value: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, weekday: "short", month: "short", day: "numeric" }).format(
    new Date(value),
  );
}

export function formatClock(value: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(value),
  );
}

/** "Early shift · Mon, Nov 16 · 06:00–14:00" */
export function shiftTitle(
  shift: { shiftName: string; shiftStart: Date | string; shiftEnd: Date | string },
  timeZone: string,
): string {
  return `${shift.shiftName} shift · ${formatShiftDay(shift.shiftStart, timeZone)} · ${formatClock(shift.shiftStart, timeZone)}–${formatClock(shift.shiftEnd, timeZone)}`;
}

export const statusTone: Record<THandoverStatus, string> = {
  DRAFT: "badge-warning",
  SIGNED: "badge-accent",
  ACKNOWLEDGED: "badge-success",
};

export const statusLabel: Record<THandoverStatus, string> = {
  DRAFT: "Draft",
  SIGNED: "Signed · to acknowledge",
  ACKNOWLEDGED: "Acknowledged",
};
