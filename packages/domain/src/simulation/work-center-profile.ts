import { z } from "zod";

export const ZTelemetryChannel = z.object({
  tag: z.string().min(1),
  unit: z.string().min(1),
  baseline: z.number(),
  /** Standard deviation of the sample noise. */
  noise: z.number().min(0),
  /**
   * Relative rise after one mean time between failures of running since the last repair
   * (0.12: +12 %): wear an anomaly detector can spot before the machine fails.
   */
  wearDrift: z.number(),
});
export type TTelemetryChannel = z.infer<typeof ZTelemetryChannel>;

/**
 * How a simulated machine behaves. Rates are per hour of running time; durations in minutes.
 * Rough OEE ≈ availability (failures, changeovers, short stops) × speedFactor × (1 − scrap).
 */
export const ZWorkCenterProfile = z.object({
  /** Mean running time between failures (exponentially distributed). */
  meanTimeBetweenFailuresMinutes: z.number().positive(),
  /** Mean repair time; every failure lasts at least 3 minutes, past the default minor-stop threshold. */
  meanTimeToRepairMinutes: z.number().positive(),
  /** Failure reasons and their relative frequency. */
  failureReasons: z.array(z.object({ code: z.string().min(1), weight: z.number().positive() })).min(1),
  /** Stops under a minute or two (sensor trips, operator interventions), reported as IDLE MICRO_STOP. */
  microStopsPerHour: z.number().min(0),
  /** Short flow stops, starved of material or blocked downstream; near zero for a line's bottleneck. */
  flowStopsPerHour: z.number().min(0),
  meanFlowStopMinutes: z.number().positive(),
  /** Actual cycle = ideal cycle / speedFactor: 0.9 runs 10 % slower than ideal (reduced speed loss). */
  speedFactor: z.number().gt(0).max(1),
  /** Share of parts scrapped in steady running (process defects). */
  scrapRate: z.number().min(0).max(1),
  /** Share of parts scrapped in the first minutes after a changeover or shift start. */
  startupRejectRate: z.number().min(0).max(1),
  startupWindowMinutes: z.number().min(0),
  /** Mean changeover between orders. */
  changeoverMinutes: z.number().min(0),
  /** Process values sampled every 15 minutes of running. */
  telemetry: z.array(ZTelemetryChannel),
});

export type TWorkCenterProfile = z.infer<typeof ZWorkCenterProfile>;

/** An order in the sequence a work center runs them. */
export type SimulatedOrder = {
  externalId: string;
  /** The product's ideal cycle time, seconds per unit. */
  idealCycleTimeSeconds: number;
  /** Good units to make. */
  quantity: number;
};

/** What happened to an order during the simulated range. */
export type SimulatedOrderOutcome = {
  externalId: string;
  startedAt: Date | null;
  completedAt: Date | null;
  totalProduced: number;
  goodProduced: number;
};
