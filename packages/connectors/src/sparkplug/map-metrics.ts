import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { z } from "zod";
import type { TResolvedMetric } from "./host-state";
import { createEventMapper, type TMappingProblem, type TObservation, ZMappingTarget } from "./map-core";

export const ZSparkplugMatch = z
  .object({
    edgeNode: z
      .string()
      .min(1)
      .optional()
      .meta({ title: "Edge node", description: "Any edge node when empty; * is a wildcard." }),
    device: z
      .string()
      .min(1)
      .optional()
      .meta({ title: "Device", description: "Node metrics when empty; * is a wildcard." }),
    /** Exact metric name or a glob: "*" stands for one path segment, "**" for any number of them. */
    metric: z.string().min(1).meta({
      title: "Metric",
      description: 'Exact name or a pattern: "*" is one path segment, "**" any number (e.g. Telemetry/*).',
    }),
  })
  .meta({ title: "Match" });
export const ZSparkplugMappingRule = z.intersection(z.object({ match: ZSparkplugMatch }), ZMappingTarget);
export type TSparkplugMappingRule = z.infer<typeof ZSparkplugMappingRule>;

const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** Compiles a Sparkplug name glob; metric names use "/" as folder separator, like Ignition tag paths. */
export function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split("**")
    .map((part) => part.split("*").map(escapeRegExp).join("[^/]*"))
    .join(".*");
  return new RegExp(`^${source}$`);
}

export type TSparkplugMappingResult = {
  events: TCanonicalEvent[];
  /** Metrics no rule mentions: normal (plants publish many tags), only counted. */
  unmatched: number;
  problems: TMappingProblem[];
};

/** Maps resolved Sparkplug metrics to canonical events with the configured rules (all matching rules apply). */
export function createSparkplugMapper(options: { sourceId: string; rules: readonly TSparkplugMappingRule[] }) {
  const compiled = options.rules.map((rule) => ({
    rule,
    metric: globToRegExp(rule.match.metric),
    edgeNode: rule.match.edgeNode === undefined ? undefined : globToRegExp(rule.match.edgeNode),
    device: rule.match.device === undefined ? undefined : globToRegExp(rule.match.device),
  }));
  const core = createEventMapper({ sourceId: options.sourceId, targets: options.rules });

  const map = (metrics: readonly TResolvedMetric[]): TSparkplugMappingResult => {
    const batch: Parameters<typeof core.mapBatch>[0][number][] = [];
    let unmatched = 0;
    for (const metric of metrics) {
      const matching = compiled.filter(
        (entry) =>
          entry.metric.test(metric.name) &&
          (entry.edgeNode === undefined || entry.edgeNode.test(metric.edgeNode)) &&
          (entry.device === undefined || (metric.device !== undefined && entry.device.test(metric.device))),
      );
      if (matching.length === 0) {
        unmatched += 1;
        continue;
      }
      const observation: TObservation = {
        signalKey: `sp:${metric.group}/${metric.edgeNode}/${metric.device ?? ""}:${metric.name}`,
        name: metric.name,
        value: metric.value,
        timestamp: metric.timestamp,
        messageKey: `seq${metric.seq ?? "-"}`,
      };
      for (const { rule } of matching) batch.push({ observation, target: rule });
    }
    return { ...core.mapBatch(batch), unmatched };
  };

  return { map };
}
export type TSparkplugMapper = ReturnType<typeof createSparkplugMapper>;
