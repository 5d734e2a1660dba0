import { anomalyDetector } from "@gemba/db/insights/anomaly/anomaly-detector";
import { bottleneckDetector } from "@gemba/db/insights/bottleneck/bottleneck-detector";
import type { TInsightDetector } from "@gemba/db/insights/detector";
import { createMaintenanceRiskDetector } from "@gemba/db/insights/maintenance/maintenance-risk-detector";
import { lateOrderDetector } from "@gemba/db/insights/order-risk/late-order-detector";
import { recurringDowntimeDetector } from "@gemba/db/insights/patterns/recurring-downtime-detector";
import { spcDetector } from "@gemba/db/insights/spc/spc-detector";
import type { Logger } from "pino";

/**
 * Every detector the worker runs, in the order of a pass: the cheap live ones first, so a slow
 * training never delays an SPC alarm of the same pass by more than its own run.
 */
export function insightDetectors(log: Logger): TInsightDetector[] {
  return [
    spcDetector,
    anomalyDetector,
    lateOrderDetector,
    bottleneckDetector,
    recurringDowntimeDetector,
    createMaintenanceRiskDetector((training) => {
      if (training.status === "TRAINED") log.info({ runId: training.runId }, "maintenance risk model trained");
      if (training.status === "REFUSED") log.info({ reason: training.reason }, "maintenance risk model not trained");
    }),
  ];
}
