import { callAndon } from "../services/floor/andon-calls";
import { ZCallAndonInput, ZFloorWorkCenterInput } from "../services/floor/floor-inputs";
import { getFloorWorkCenter } from "../services/floor/get-floor-work-center";
import { listFloorWorkCenters } from "../services/floor/list-floor-work-centers";
import { listStopReasons } from "../services/floor/list-stop-reasons";
import { router, tenantProcedure } from "../trpc";

/**
 * The operator's tablet at the machine: pick a work center, see how it is doing, give stops a
 * reason (downtime.classify) and call for help. Every member may use it; the andon call is
 * idempotent by the tablet's key, so its offline queue can re-send it safely.
 */
export const floorRouter = router({
  workCenters: tenantProcedure.query(({ ctx }) => listFloorWorkCenters(ctx.tx)),
  workCenter: tenantProcedure
    .input(ZFloorWorkCenterInput)
    .query(({ ctx, input }) => getFloorWorkCenter(ctx.tx, input.workCenterId)),
  stopReasons: tenantProcedure.query(({ ctx }) => listStopReasons(ctx.tx)),
  andon: tenantProcedure
    .input(ZCallAndonInput)
    .mutation(({ ctx, input }) =>
      callAndon({ tx: ctx.tx, userId: ctx.session.userId, ...ctx.tenant, platform: ctx.platform }, input),
    ),
});
