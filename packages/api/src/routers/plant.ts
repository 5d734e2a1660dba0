import { getPlantSummary } from "../services/plant/get-plant-summary";
import { getPlantTree } from "../services/plant/get-plant-tree";
import { getWorkCenter, ZGetWorkCenterInput } from "../services/plant/get-work-center";
import { listOpenOrders, ZListOpenOrdersInput } from "../services/plant/list-open-orders";
import { managerProcedure, router, tenantProcedure } from "../trpc";

export const plantRouter = router({
  tree: tenantProcedure.query(({ ctx }) => getPlantTree(ctx.tx)),
  workCenter: tenantProcedure.input(ZGetWorkCenterInput).query(({ ctx, input }) => getWorkCenter(ctx.tx, input)),
  summary: managerProcedure.query(({ ctx }) => getPlantSummary(ctx.tx)),
  openOrders: managerProcedure.input(ZListOpenOrdersInput).query(({ ctx, input }) => listOpenOrders(ctx.tx, input)),
});
