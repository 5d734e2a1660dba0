import type { Tx } from "@gemba/db/tenant-scope";
import { parseLocalDate } from "@gemba/domain/calendar/calendar-text";
import { localDateTimeOf } from "@gemba/domain/calendar/no-shift-period-rules";
import { listPatternPeriods } from "@gemba/domain/calendar/pattern-validity";
import { checkPattern } from "@gemba/domain/calendar/shift-rules";
import { formatLocalDate, MS_PER_DAY, startOfLocalDay, utcToZoned } from "@gemba/domain/calendar/zoned-time";
import { findSiteOrThrow, localDateText } from "./calendar-actor";
import type { TSiteInput } from "./calendar-inputs";

/** How far back "recent" no-shift periods reach. */
export const RECENT_NO_SHIFT_DAYS = 90;

/** Sites whose calendars an admin can edit, ordered by code as everywhere else. */
export function listCalendarSites(tx: Tx) {
  return tx.site.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true, timeZone: true } });
}

/** A site's shift patterns, oldest first, with their shifts, breaks and what applies today. */
export async function getSiteCalendar(tx: Tx, input: TSiteInput, now: number = Date.now()) {
  const site = await findSiteOrThrow(tx, input.siteId);
  const today = formatLocalDate(utcToZoned(now, site.timeZone));
  const workCenterCount = await tx.workCenter.count({ where: { line: { area: { siteId: site.id } } } });
  const rows = await tx.shiftPattern.findMany({
    where: { siteId: site.id },
    orderBy: { validFrom: "asc" },
    select: {
      id: true,
      name: true,
      validFrom: true,
      createdAt: true,
      shifts: {
        orderBy: [{ startMinute: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          weekdays: true,
          startMinute: true,
          durationMinutes: true,
          breaks: {
            orderBy: [{ startOffsetMinutes: "asc" }, { name: "asc" }],
            select: { id: true, name: true, startOffsetMinutes: true, durationMinutes: true },
          },
        },
      },
    },
  });
  const patterns = listPatternPeriods(
    rows.map((row) => ({
      ...row,
      validFrom: localDateText(row.validFrom),
      shifts: row.shifts.map((shift) => ({ ...shift, weekdays: [...shift.weekdays].sort((a, b) => a - b) })),
    })),
    today,
  ).map((pattern) => {
    // Checked over the week the pattern is (or will first be) in effect, in the site's zone.
    const checkFrom = parseLocalDate(pattern.status === "CURRENT" ? today : pattern.validFrom);
    const warnings = checkFrom
      ? checkPattern(pattern.shifts, site.timeZone, startOfLocalDay(checkFrom, site.timeZone).getTime())
      : [];
    return { ...pattern, warnings: warnings.map((warning) => warning.message) };
  });
  return {
    site: { ...site, workCenterCount },
    today,
    currentPatternId: patterns.find((pattern) => pattern.status === "CURRENT")?.id ?? null,
    patterns,
  };
}

/** Holidays, shutdowns and maintenance windows: ongoing and upcoming, and those of the last 90 days. */
export async function listNoShiftPeriods(tx: Tx, input: TSiteInput, now: number = Date.now()) {
  const site = await findSiteOrThrow(tx, input.siteId);
  const select = { id: true, kind: true, reason: true, startsAt: true, endsAt: true } as const;
  const upcoming = await tx.noShiftPeriod.findMany({
    where: { siteId: site.id, endsAt: { gt: new Date(now) } },
    orderBy: { startsAt: "asc" },
    take: 200,
    select,
  });
  const recent = await tx.noShiftPeriod.findMany({
    where: { siteId: site.id, endsAt: { lte: new Date(now), gte: new Date(now - RECENT_NO_SHIFT_DAYS * MS_PER_DAY) } },
    orderBy: { startsAt: "desc" },
    take: 100,
    select,
  });
  const present = (row: (typeof upcoming)[number]) => ({
    ...row,
    /** As entered: the site's local date and minute, to fill the edit form. */
    start: localDateTimeOf(row.startsAt, site.timeZone),
    end: localDateTimeOf(row.endsAt, site.timeZone),
    status: periodStatus(row, now),
  });
  return {
    timeZone: site.timeZone,
    recentDays: RECENT_NO_SHIFT_DAYS,
    upcoming: upcoming.map(present),
    recent: recent.map(present),
  };
}

function periodStatus(period: { startsAt: Date; endsAt: Date }, now: number): "UPCOMING" | "ONGOING" | "PAST" {
  if (period.startsAt.getTime() > now) return "UPCOMING";
  return period.endsAt.getTime() > now ? "ONGOING" : "PAST";
}
