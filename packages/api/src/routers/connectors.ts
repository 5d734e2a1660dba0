import type { Context } from "../context";
import { browseOpcua, ZBrowseOpcuaInput } from "../services/connectors/browse-opcua";
import { withPlatform } from "../services/connectors/connector-actor";
import { listConnectorKinds } from "../services/connectors/connector-kinds";
import {
  listConnectorRuns,
  syncConnectorNow,
  ZListRunsInput,
  ZSyncNowInput,
} from "../services/connectors/connector-runs";
import {
  dismissDeadLetters,
  listDeadLetters,
  retryDeadLetters,
  ZDeadLetterIdsInput,
  ZListDeadLettersInput,
} from "../services/connectors/dead-letters";
import { getConnector, listConnectors, ZConnectorIdInput } from "../services/connectors/list-connectors";
import {
  createConnector,
  setConnectorEnabled,
  updateConnector,
  ZCreateConnectorInput,
  ZSetConnectorEnabledInput,
  ZUpdateConnectorInput,
} from "../services/connectors/save-connector";
import { testConnector, ZTestConnectorInput } from "../services/connectors/test-connector";
import { uploadCsv, ZUploadCsvInput } from "../services/connectors/upload-csv";
import type { TenantActor } from "../services/scope";
import { adminProcedure, router } from "../trpc";

type ConnectorCtx = Context & {
  tx: TenantActor["tx"];
  session: { userId: string };
  tenant: Omit<TenantActor, "tx" | "userId">;
  afterCommit: (effect: () => Promise<void>) => void;
};

const actorOf = (ctx: ConnectorCtx) =>
  withPlatform({ tx: ctx.tx, userId: ctx.session.userId, ...ctx.tenant }, ctx.platform, ctx.afterCommit);

/** Admin → Connectors: configuration, health, runs and dead letters. Thin: the services do the work. */
export const connectorsRouter = router({
  kinds: adminProcedure.query(() => listConnectorKinds()),
  list: adminProcedure.query(({ ctx }) => listConnectors(actorOf(ctx))),
  get: adminProcedure.input(ZConnectorIdInput).query(({ ctx, input }) => getConnector(actorOf(ctx), input)),
  create: adminProcedure
    .input(ZCreateConnectorInput)
    .mutation(({ ctx, input }) => createConnector(actorOf(ctx), input)),
  update: adminProcedure
    .input(ZUpdateConnectorInput)
    .mutation(({ ctx, input }) => updateConnector(actorOf(ctx), input)),
  setEnabled: adminProcedure
    .input(ZSetConnectorEnabledInput)
    .mutation(({ ctx, input }) => setConnectorEnabled(actorOf(ctx), input)),
  test: adminProcedure.input(ZTestConnectorInput).mutation(({ ctx, input }) => testConnector(actorOf(ctx), input)),
  runs: adminProcedure.input(ZListRunsInput).query(({ ctx, input }) => listConnectorRuns(actorOf(ctx), input)),
  syncNow: adminProcedure.input(ZSyncNowInput).mutation(({ ctx, input }) => syncConnectorNow(actorOf(ctx), input)),
  deadLetters: adminProcedure
    .input(ZListDeadLettersInput)
    .query(({ ctx, input }) => listDeadLetters(actorOf(ctx), input)),
  retryDeadLetters: adminProcedure
    .input(ZDeadLetterIdsInput)
    .mutation(({ ctx, input }) => retryDeadLetters(actorOf(ctx), input)),
  uploadCsv: adminProcedure.input(ZUploadCsvInput).mutation(({ ctx, input }) => uploadCsv(actorOf(ctx), input)),
  browseOpcua: adminProcedure.input(ZBrowseOpcuaInput).mutation(({ ctx, input }) => browseOpcua(actorOf(ctx), input)),
  dismissDeadLetters: adminProcedure
    .input(ZDeadLetterIdsInput)
    .mutation(({ ctx, input }) => dismissDeadLetters(actorOf(ctx), input)),
});
