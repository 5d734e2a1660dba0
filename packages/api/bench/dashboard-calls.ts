import { createUserSession, revokeUserSession } from "@gemba/auth/sessions";
import { expandShifts } from "@gemba/domain/calendar/expand-shifts";
import { addDays, formatLocalDate, utcToZoned } from "@gemba/domain/calendar/zoned-time";
import { createCaller } from "../src/root";
import type { BenchDatabase } from "./bench-database";
import type { buildBenchPlant } from "./bench-plant";
import type { LoadedPlant } from "./load-plant";

/** The budgets: the 30-day plant views, and one work center's shift timeline. */
const PLANT_VIEW_P95_MS = 300;
const TIMELINE_P95_MS = 100;
// One work center's timeline is timed over this many recent shifts, rotating machines too, so
// the timing is not one cached page.
const TIMELINE_SHIFTS = 10;

export type DashboardCall = {
  name: string;
  /** What the issue asks, for the verdict line. */
  target: string;
  targetMs: number;
  /** Returns a short description of the result, to show the call did real work. */
  call: (run: number) => Promise<string>;
};

/**
 * The dashboard's main reads, called in-process through the tRPC router as the web app's server
 * components call them: a manager's real session, the tenant middleware's membership check and
 * transaction, input validation. Not included: HTTP and superjson serialization of the result.
 */
export async function prepareDashboardCalls(
  db: BenchDatabase,
  plant: LoadedPlant,
  definition: ReturnType<typeof buildBenchPlant>,
): Promise<{ calls: DashboardCall[]; close: () => Promise<void> }> {
  const userId = plant.managerUserId;
  const sessionId = await createUserSession(db.app.prisma, { userId });
  const api = createCaller({
    db: db.app.prisma,
    session: { sessionId, userId, activeTenantId: plant.tenantId },
    requestId: "bench-dashboard",
  });

  const timeZone = definition.site.timeZone;
  // The last `days` local dates up to the day the load ended, as a "last 30 days" chart asks.
  const lastDay = utcToZoned(Date.parse(plant.to), timeZone);
  const range = {
    from: formatLocalDate(addDays(lastDay, 1 - plant.days)),
    to: formatLocalDate(lastDay),
  };
  const shifts = expandShifts({
    shifts: definition.shiftPattern.shifts,
    timeZone,
    from: new Date(plant.from),
    to: new Date(plant.to),
  })
    .filter((shift) => shift.end.getTime() <= Date.parse(plant.to) && shift.start.getTime() >= Date.parse(plant.from))
    .slice(-TIMELINE_SHIFTS);
  if (shifts.length === 0) throw new Error("The loaded history holds no complete shift to show a timeline of");
  const days = `${range.from} … ${range.to}`;

  const calls: DashboardCall[] = [
    {
      name: "execution.overview (live tiles)",
      target: "plant overview",
      targetMs: PLANT_VIEW_P95_MS,
      call: async () => {
        const overview = await api.execution.overview();
        const tiles = overview.lines.reduce((sum, line) => sum + line.workCenters.length, 0);
        return `${overview.lines.length} line(s), ${tiles} tiles`;
      },
    },
    {
      name: "execution.oeeTrend by day (plant)",
      target: `${plant.days}-day OEE trend by day`,
      targetMs: PLANT_VIEW_P95_MS,
      call: async () => {
        const trend = await api.execution.oeeTrend({ ...range, granularity: "day" });
        return `${trend.points.length} days (${days})`;
      },
    },
    {
      name: "execution.oeeTrend by shift (plant)",
      target: `${plant.days}-day OEE trend by shift`,
      targetMs: PLANT_VIEW_P95_MS,
      call: async () => {
        const trend = await api.execution.oeeTrend({ ...range, granularity: "shift" });
        return `${trend.points.length} shifts`;
      },
    },
    {
      name: "execution.oeeTrend by week (plant)",
      target: `${plant.days}-day OEE trend by ISO week`,
      targetMs: PLANT_VIEW_P95_MS,
      call: async () => {
        const trend = await api.execution.oeeTrend({ ...range, granularity: "week" });
        return `${trend.points.length} weeks (${trend.points.filter((point) => point.partial).length} partial)`;
      },
    },
    {
      name: "execution.orderOee (plant, by order and product)",
      target: `${plant.days}-day OEE per order and product (no target in the issue; held to the plant-view budget)`,
      targetMs: PLANT_VIEW_P95_MS,
      call: async () => {
        const oee = await api.execution.orderOee({ ...range, sort: "oeeAscending" });
        return `${oee.orderCount} orders, ${oee.products.length} products`;
      },
    },
    {
      name: "execution.losses (waterfall + Pareto)",
      target: `${plant.days}-day losses/Pareto (no target in the issue; held to the plant-view budget)`,
      targetMs: PLANT_VIEW_P95_MS,
      call: async () => {
        const losses = await api.execution.losses(range);
        return `${losses.waterfall.length} waterfall steps, ${losses.pareto.length} Pareto bars`;
      },
    },
    {
      name: "execution.workCenterTimeline (8 h shift)",
      target: "one work center's shift timeline",
      targetMs: TIMELINE_P95_MS,
      call: async (run) => {
        const shift = shifts[run % shifts.length];
        const workCenterId = plant.workCenterIds[run % plant.workCenterIds.length];
        if (!shift || !workCenterId) throw new Error("No shift or work center to show");
        const timeline = await api.execution.workCenterTimeline({
          workCenterId,
          from: shift.start.toISOString(),
          to: shift.end.toISOString(),
        });
        return `${timeline.intervals.length} intervals, ${timeline.hours.length} hours (${shifts.length} recent shifts × ${plant.workCenterIds.length} work centers)`;
      },
    },
  ];
  return { calls, close: () => revokeUserSession(db.app.prisma, sessionId) };
}
