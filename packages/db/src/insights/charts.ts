/**
 * What the insight pages chart, computed on request from the tenant's data (not from stored
 * insights): the SPC control chart of one signal of one work center, and one line's bottleneck
 * over time. The loaders live next to their detectors (`spc/load-spc-chart.ts`,
 * `bottleneck/load-bottleneck-chart.ts`) and return exactly these shapes.
 */
import type { TAverageBottleneck } from "@gemba/domain/insights/bottleneck/average-bottleneck";
import type { TBottleneckBucket, TBottleneckMove } from "@gemba/domain/insights/bottleneck/bottleneck-over-time";
import type { TControlLimits } from "@gemba/domain/insights/spc/control-limits";
import type { TWesternElectricRule } from "@gemba/domain/insights/spc/western-electric-rules";

/** Which signal of a work center: cycle time (s/unit), scrap rate (%), or a telemetry tag. */
export type TSpcMeasure = { kind: "CYCLE_TIME" } | { kind: "SCRAP_RATE" } | { kind: "TELEMETRY"; tag: string };

export type TSpcSignalOption = { measure: TSpcMeasure; label: string; unit: string | null; points: number };

export type TSpcChartSegment = {
  /** Limits are per product: a different part has a different normal cycle. Null for telemetry without products. */
  productId: string | null;
  productName: string | null;
  /** Null when there is too little baseline; `refusal` then says why in words. */
  limits: TControlLimits | null;
  refusal: string | null;
  points: { t: number; value: number }[];
  violations: { rule: TWesternElectricRule; side: "ABOVE" | "BELOW"; times: number[]; explanation: string }[];
};

export type TSpcChart = {
  workCenterId: string;
  measure: TSpcMeasure;
  label: string;
  unit: string | null;
  from: number;
  to: number;
  segments: TSpcChartSegment[];
};

export type TBottleneckChart = {
  lineId: string;
  from: number;
  to: number;
  stepMs: number;
  /** In material-flow order. */
  workCenters: { id: string; code: string; name: string; sequence: number }[];
  buckets: TBottleneckBucket[];
  moves: TBottleneckMove[];
  average: TAverageBottleneck;
  /** One sentence for the whole period ("PRS-01 constrained the line 64 % of the time …"). */
  explanation: string;
};
