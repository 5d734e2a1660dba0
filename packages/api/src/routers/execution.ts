import { exportExecutionTable, ZExportInput } from "../services/execution/export-execution-table";
import { getExecutionOverview } from "../services/execution/get-execution-overview";
import { getLosses, ZLossesInput } from "../services/execution/get-losses";
import { getOeeTrend, ZOeeTrendInput } from "../services/execution/get-oee-trend";
import { getOrderOee, ZOrderOeeInput } from "../services/execution/get-order-oee";
import { getWorkCenterTimeline, ZWorkCenterTimelineInput } from "../services/execution/get-work-center-timeline";
import { listOrdersWithProjection, ZOrdersInput } from "../services/execution/list-orders-with-projection";
import {
  listUnclassifiedDowntimes,
  ZUnclassifiedDowntimesInput,
} from "../services/execution/list-unclassified-downtimes";
import { managerProcedure, router, tenantProcedure } from "../trpc";

/**
 * The execution dashboard's reads: live floor, OEE trend (day, week, shift), losses, stops waiting
 * for a reason, one work center's timeline, OEE per order and product, orders with projections,
 * and CSV of each list. All read the derived state intervals and 15-minute buckets, never raw
 * events. Operators may see the floor and a work center's timeline; the rest is for managers.
 */
export const executionRouter = router({
  overview: tenantProcedure.query(({ ctx }) => getExecutionOverview(ctx.tx)),
  workCenterTimeline: tenantProcedure
    .input(ZWorkCenterTimelineInput)
    .query(({ ctx, input }) => getWorkCenterTimeline(ctx.tx, input)),
  oeeTrend: managerProcedure.input(ZOeeTrendInput).query(({ ctx, input }) => getOeeTrend(ctx.tx, input)),
  losses: managerProcedure.input(ZLossesInput).query(({ ctx, input }) => getLosses(ctx.tx, input)),
  unclassifiedDowntimes: managerProcedure
    .input(ZUnclassifiedDowntimesInput)
    .query(({ ctx, input }) => listUnclassifiedDowntimes(ctx.tx, input)),
  orderOee: managerProcedure.input(ZOrderOeeInput).query(({ ctx, input }) => getOrderOee(ctx.tx, input)),
  orders: managerProcedure.input(ZOrdersInput).query(({ ctx, input }) => listOrdersWithProjection(ctx.tx, input)),
  export: managerProcedure.input(ZExportInput).query(({ ctx, input }) => exportExecutionTable(ctx.tx, input)),
});
