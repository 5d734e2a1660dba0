import { conditionsHold, scheduleDueTimes } from "@gemba/domain/automation/match-rule";
import type { TRuleTrigger } from "@gemba/domain/automation/rule-definition";
import { utcToZoned } from "@gemba/domain/calendar/zoned-time";
import type { Database } from "../client";
import { withTenantClient } from "../tenant-scope";
import { baseValues, labelsOf } from "./evaluate-events";
import type { TFiring } from "./firing";
import { loadEnabledRules } from "./load-rules";
import { fireAll } from "./process-signal";
import { SignalContextLoader } from "./signal-context";

type TScheduleTrigger = Extract<TRuleTrigger, { kind: "SCHEDULE" }>;

/**
 * How far back a sweep looks for scheduled times it has not fired: a worker down for less than
 * this catches up once per missed time; older times are let go (a 06:00 checklist is no use at noon).
 */
export const SCHEDULE_LOOKBACK_MS = 60 * 60_000;

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function localLabel(at: number, timeZone: string): string {
  const local = utcToZoned(at, timeZone);
  const hh = String(Math.floor(local.minuteOfDay / 60)).padStart(2, "0");
  const mm = String(local.minuteOfDay % 60).padStart(2, "0");
  return `${WEEKDAYS[local.isoWeekday - 1]} ${hh}:${mm}`;
}

/**
 * The sweep's pass over one tenant's SCHEDULE rules: every due time in the last hour (but not
 * before the rule was last edited, so an edit never fires retroactively) fires once per listed work
 * center, or once per site when the rule names none. The run key holds the time and the subject.
 */
export async function sweepSchedules(db: Database, tenantId: string, now = Date.now()) {
  const firings = await withTenantClient(db.pool, tenantId, async (client) => {
    const { rules } = await loadEnabledRules(client, ["SCHEDULE"]);
    if (rules.length === 0) return [];
    const loader = new SignalContextLoader(client);
    const found: TFiring[] = [];
    for (const rule of rules) {
      const trigger = rule.definition.trigger as TScheduleTrigger;
      const from = Math.max(now - SCHEDULE_LOOKBACK_MS, rule.updatedAt.getTime());
      const { workCenterIds } = rule.definition.conditions;
      await loader.preloadWorkCenters(workCenterIds);
      const subjects =
        workCenterIds.length > 0
          ? await Promise.all(
              workCenterIds.map(async (id) => {
                const workCenter = await loader.workCenter(id);
                return workCenter
                  ? { id, workCenterId: id, siteId: workCenter.siteId, timeZone: workCenter.timeZone }
                  : null;
              }),
            )
          : (await loader.allSites()).map((site) => ({
              id: site.id,
              workCenterId: null,
              siteId: site.id,
              timeZone: site.timeZone,
            }));
      for (const subject of subjects) {
        if (!subject) continue;
        for (const dueAt of scheduleDueTimes(trigger, from, now, subject.timeZone)) {
          const signalKey = `schedule:${new Date(dueAt).toISOString()}:${subject.id}`;
          const { rows } = await client.query(`SELECT 1 FROM "RuleRun" WHERE "idempotencyKey" = $1`, [
            `${rule.id}:${signalKey}`,
          ]);
          if (rows.length > 0) continue;
          const { context, workCenter } = await loader.contextFor({
            workCenterId: subject.workCenterId,
            siteId: subject.siteId,
            at: dueAt,
            reasonCode: null,
          });
          if (!conditionsHold(rule.definition.conditions, context, labelsOf(workCenter)).ok) continue;
          const where = workCenter ? ` for ${workCenter.code}` : "";
          found.push({
            rule,
            signalKey,
            signalKind: "schedule",
            workCenterId: subject.workCenterId,
            orderId: null,
            triggeredAt: new Date(dueAt),
            summary: `Scheduled ${localLabel(dueAt, subject.timeZone)}${where}`,
            context,
            values: baseValues(rule, workCenter, {}),
            evidence: null,
          });
        }
      }
    }
    return found;
  });
  return fireAll(db, tenantId, firings, new Date(now));
}
