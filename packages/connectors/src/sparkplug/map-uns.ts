import { createHash } from "node:crypto";
import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { z } from "zod";
import { createEventMapper, type TMappingProblem, type TObservation, ZMappingTarget } from "./map-core";

export const ZUnsMappingRule = z.intersection(
  /** An MQTT topic filter, e.g. "acme/+/+/line1/press/state" or "acme/plant1/#". */
  z.object({
    topic: z.string().min(1).meta({
      title: "Topic",
      description: "An MQTT topic filter: + is one level, # everything below (e.g. acme/plant1/+/press/state).",
    }),
  }),
  ZMappingTarget,
);
export type TUnsMappingRule = z.infer<typeof ZUnsMappingRule>;

const ZUnsBody = z.object({
  value: z.union([z.number(), z.string(), z.boolean()]),
  /** Milliseconds since the epoch or an ISO 8601 string; the receive time when absent. */
  timestamp: z.union([z.number().int().nonnegative(), z.iso.datetime({ offset: true })]).optional(),
});

/** MQTT filter semantics: "+" is exactly one level, a trailing "#" is the parent level and everything below. */
export function topicMatchesFilter(filter: string, topic: string): boolean {
  const filterLevels = filter.split("/");
  const topicLevels = topic.split("/");
  for (let index = 0; index < filterLevels.length; index += 1) {
    const level = filterLevels[index];
    if (level === "#") return index === filterLevels.length - 1;
    const actual = topicLevels[index];
    if (actual === undefined) return false;
    if (level !== "+" && level !== actual) return false;
  }
  return filterLevels.length === topicLevels.length;
}

export type TUnsMappingResult =
  | { status: "mapped"; events: TCanonicalEvent[]; problems: TMappingProblem[] }
  | { status: "unmatched" }
  | { status: "invalid"; reason: string };

/** Maps plain JSON "unified namespace" messages ({value, timestamp?}) to canonical events. */
export function createUnsMapper(options: { sourceId: string; rules: readonly TUnsMappingRule[] }) {
  const core = createEventMapper({ sourceId: options.sourceId, targets: options.rules });

  const map = (topic: string, body: Uint8Array, receivedAt: Date): TUnsMappingResult => {
    const matching = options.rules.filter((rule) => topicMatchesFilter(rule.topic, topic));
    // Bodies are only judged on topics we map: the namespace carries many payload shapes we do not read.
    if (matching.length === 0) return { status: "unmatched" };
    const text = Buffer.from(body).toString("utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { status: "invalid", reason: "body is not JSON" };
    }
    const parsed = ZUnsBody.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
      return { status: "invalid", reason: `body must be {value, timestamp?}: ${issues.join("; ")}` };
    }
    const { value, timestamp } = parsed.data;
    const observation: TObservation = {
      signalKey: `uns:${topic}`,
      name: topic.split("/").at(-1) ?? topic,
      value,
      timestamp: timestamp === undefined ? receivedAt : new Date(timestamp),
      // UNS messages carry no sequence number: the body itself identifies a redelivery.
      messageKey: createHash("sha256").update(text).digest("hex").slice(0, 16),
    };
    const outcome = core.mapBatch(matching.map((target) => ({ observation, target })));
    return { status: "mapped", ...outcome };
  };

  return { map, filters: [...new Set(options.rules.map((rule) => rule.topic))] };
}
export type TUnsMapper = ReturnType<typeof createUnsMapper>;
