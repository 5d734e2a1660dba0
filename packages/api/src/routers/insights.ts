import { setInsightStatus } from "../services/insights/change-insight-status";
import { listDetectorSettings, setDetectorSetting } from "../services/insights/detector-settings";
import { getInsight } from "../services/insights/get-insight";
import { bottleneckChart, maintenanceModel, spcChart, spcSignals } from "../services/insights/insight-charts";
import {
  ZBottleneckChartInput,
  ZInsightFeedbackInput,
  ZInsightRefInput,
  ZListInsightsInput,
  ZSetDetectorSettingInput,
  ZSetInsightStatusInput,
  ZSpcChartInput,
  ZSpcSignalsInput,
} from "../services/insights/insight-inputs";
import { listInsights } from "../services/insights/list-insights";
import { recordInsightFeedback } from "../services/insights/record-feedback";
import type { TenantActor } from "../services/scope";
import { adminProcedure, managerProcedure, router } from "../trpc";

type TTenantCtx = { tx: TenantActor["tx"]; session: { userId: string }; tenant: Omit<TenantActor, "tx" | "userId"> };

function actorOf(ctx: TTenantCtx): TenantActor {
  return { tx: ctx.tx, userId: ctx.session.userId, ...ctx.tenant };
}

/**
 * What the detectors found in the plant's history, for managers: the feed, one insight with its
 * evidence, its status and people's feedback, and the SPC and bottleneck charts. Admins switch
 * detectors and see how the maintenance-risk model does.
 */
export const insightsRouter = router({
  list: managerProcedure.input(ZListInsightsInput).query(({ ctx, input }) => listInsights(actorOf(ctx), input)),
  get: managerProcedure.input(ZInsightRefInput).query(({ ctx, input }) => getInsight(actorOf(ctx), input.insightId)),
  setStatus: managerProcedure
    .input(ZSetInsightStatusInput)
    .mutation(({ ctx, input }) => setInsightStatus(actorOf(ctx), input)),
  feedback: managerProcedure
    .input(ZInsightFeedbackInput)
    .mutation(({ ctx, input }) => recordInsightFeedback(actorOf(ctx), input)),
  spcSignals: managerProcedure
    .input(ZSpcSignalsInput)
    .query(({ ctx, input }) => spcSignals(actorOf(ctx), input.workCenterId)),
  spcChart: managerProcedure.input(ZSpcChartInput).query(({ ctx, input }) => spcChart(actorOf(ctx), input)),
  bottleneckChart: managerProcedure
    .input(ZBottleneckChartInput)
    .query(({ ctx, input }) => bottleneckChart(actorOf(ctx), input)),
  detectorSettings: adminProcedure.query(({ ctx }) => listDetectorSettings(actorOf(ctx))),
  setDetectorSetting: adminProcedure
    .input(ZSetDetectorSettingInput)
    .mutation(({ ctx, input }) => setDetectorSetting(actorOf(ctx), input)),
  maintenanceModel: adminProcedure.query(({ ctx }) => maintenanceModel(actorOf(ctx))),
});
