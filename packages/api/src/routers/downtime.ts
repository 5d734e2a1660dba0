import { classifyStop, ZClassifyStopInput } from "../services/downtime/classify-stop";
import { router, tenantProcedure } from "../trpc";

/** Operators' answers about stops. Any member of the plant may classify (operators do it at the machine). */
export const downtimeRouter = router({
  classify: tenantProcedure.input(ZClassifyStopInput).mutation(({ ctx, input }) =>
    classifyStop(
      {
        tx: ctx.tx,
        userId: ctx.session.userId,
        ...ctx.tenant,
        platform: ctx.platform,
        afterCommit: ctx.afterCommit,
      },
      input,
    ),
  ),
});
