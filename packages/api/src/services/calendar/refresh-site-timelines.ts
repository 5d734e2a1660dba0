import { pastPartOf, type TTimeSpan } from "@gemba/domain/calendar/pattern-validity";
import { requestExecutionRefresh } from "@gemba/jobs/execution-refresh";
import type { CalendarActor } from "./calendar-actor";

/** What the admin is told after a change: how many timelines are re-derived, from when. */
export type TRefreshNotice = { workCenters: number; from: Date } | null;

/**
 * After a calendar change, every work center of the site is re-derived over the changed span
 * (state timeline and OEE buckets: planned time, breaks, no-shift time all come from the
 * calendar). Only the past part matters — the future has no derived intervals yet, and is read
 * from the calendar when it arrives — and only where the work center has a timeline at all:
 * deriving before its first signal would invent months of "no signal". The jobs are queued after
 * commit, so the worker reads the new calendar.
 */
export async function refreshSiteTimelines(
  actor: CalendarActor,
  siteId: string,
  changed: TTimeSpan,
  now: number = Date.now(),
): Promise<TRefreshNotice> {
  const span = pastPartOf(changed, now);
  if (!span || !actor.platform) return null;
  // Each work center of the site with the start of its stored timeline (one index probe each).
  const workCenters = await actor.tx.$queryRaw<Array<{ id: string; firstStart: Date | null }>>`
    SELECT wc.id,
           (SELECT si.start FROM "StateInterval" si
             WHERE si."tenantId" = wc."tenantId" AND si."workCenterId" = wc.id
             ORDER BY si.start LIMIT 1) AS "firstStart"
      FROM "WorkCenter" wc
      JOIN "Line" l ON l."tenantId" = wc."tenantId" AND l.id = wc."lineId"
      JOIN "Area" a ON a."tenantId" = l."tenantId" AND a.id = l."areaId"
     WHERE a."siteId" = ${siteId}::uuid`;
  const targets: Array<{ workCenterId: string; from: number; to: number }> = [];
  for (const workCenter of workCenters) {
    if (!workCenter.firstStart) continue;
    const from = Math.max(span.from, workCenter.firstStart.getTime());
    if (from < span.to) targets.push({ workCenterId: workCenter.id, from, to: span.to });
  }
  const platform = actor.platform;
  if (targets.length === 0 || !platform) return null;
  actor.afterCommit(async () => {
    for (const target of targets) {
      // Best effort per work center: one failed enqueue must not keep the others stale.
      await requestExecutionRefresh(platform.queues, platform.redis, { tenantId: actor.tenantId, ...target }).catch(
        () => undefined,
      );
    }
  });
  return { workCenters: targets.length, from: new Date(Math.min(...targets.map((target) => target.from))) };
}
