import type { Context } from "../context";
import type { TenantActor } from "../services/scope";
import {
  ZCreateEndpointInput,
  ZEndpointRefInput,
  ZSetEndpointEnabledInput,
} from "../services/webhook-endpoints/endpoint-inputs";
import {
  createEndpoint,
  deleteEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  setEndpointEnabled,
  type TEndpointActor,
} from "../services/webhook-endpoints/manage-endpoints";
import { adminProcedure, router } from "../trpc";

type TEndpointsCtx = Context & {
  tx: TenantActor["tx"];
  session: { userId: string };
  tenant: Omit<TenantActor, "tx" | "userId">;
};

const actorOf = (ctx: TEndpointsCtx): TEndpointActor => ({
  tx: ctx.tx,
  userId: ctx.session.userId,
  ...ctx.tenant,
  platform: ctx.platform,
});

/**
 * Admin → Webhooks: where rules may post. A secret is returned by create and rotate only, once;
 * it is stored sealed and never read back to a browser.
 */
export const webhookEndpointsRouter = router({
  list: adminProcedure.query(({ ctx }) => listEndpoints(ctx.tx)),
  create: adminProcedure.input(ZCreateEndpointInput).mutation(({ ctx, input }) => createEndpoint(actorOf(ctx), input)),
  rotateSecret: adminProcedure
    .input(ZEndpointRefInput)
    .mutation(({ ctx, input }) => rotateEndpointSecret(actorOf(ctx), input)),
  setEnabled: adminProcedure
    .input(ZSetEndpointEnabledInput)
    .mutation(({ ctx, input }) => setEndpointEnabled(actorOf(ctx), input)),
  delete: adminProcedure.input(ZEndpointRefInput).mutation(({ ctx, input }) => deleteEndpoint(actorOf(ctx), input)),
});
