import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import type { DataValue } from "node-opcua";
import type { TRejectedInputReport } from "../framework/definition";
import { createEventMapper, type TMappingTarget, type TObservation } from "../sparkplug/map-core";
import type { TOpcuaItem } from "./config";
import { describeStatus, eventTimeOf, jsonValueOf, metricValueOf } from "./data-value";

export type TMappedDataChanges = { events: TCanonicalEvent[]; rejected: TRejectedInputReport[] };

type TQueued = { nodeId: string; observation: TObservation; payload: TRejectedPayload };
type TRejectedPayload = { nodeId: string; value: unknown; statusCode: string; sourceTimestamp: string | null };

const HINTS: ReadonlyArray<[RegExp, string]> = [
  [/not a known machine state/, "add the value to the item's state table, or send RUNNING, IDLE, DOWN or PLANNED_STOP"],
  [/not a non-negative integer/, "map a cumulative counter node (an unsigned integer) as a count"],
  [/not a finite number/, "map a numeric node as telemetry"],
];
const withHint = (reason: string): string => {
  const hint = HINTS.find(([pattern]) => pattern.test(reason))?.[1];
  return hint === undefined ? reason : `${reason}: ${hint}`;
};

const targetOf = ({ nodeId: _nodeId, ...target }: TOpcuaItem): TMappingTarget => target;

/**
 * Turns OPC UA data changes into canonical events with the mapper the Sparkplug host uses. Lives as long
 * as the connector, across reconnects, so counter baselines survive a lost connection.
 */
export function createDataChangeMapper(options: { sourceId: string; items: readonly TOpcuaItem[] }) {
  const targetsByNode = new Map<string, TMappingTarget[]>();
  for (const item of options.items) {
    targetsByNode.set(item.nodeId, [...(targetsByNode.get(item.nodeId) ?? []), targetOf(item)]);
  }
  const mapper = createEventMapper({ sourceId: options.sourceId, targets: options.items.map(targetOf) });
  // A re-created monitored item (after a reconnect) first sends the value it already sent: same source
  // time, same value. Skipping it keeps counters and events exactly as if the connection had not dropped.
  const lastDelivered = new Map<string, string>();
  let queue: TQueued[] = [];
  let rejected: TRejectedInputReport[] = [];

  const reject = (payload: TRejectedPayload, reason: string): void => {
    rejected.push({ stage: "mapping", reason: `${payload.nodeId}: ${reason}`, payload });
  };

  /** Queues one data change; nothing is mapped until `flush`, so one publish response maps as one batch. */
  const add = (nodeId: string, dataValue: DataValue): void => {
    const raw = dataValue.value?.value;
    const payload: TRejectedPayload = {
      nodeId,
      value: jsonValueOf(raw),
      statusCode: dataValue.statusCode.name,
      sourceTimestamp: dataValue.sourceTimestamp?.toISOString() ?? null,
    };
    if (!targetsByNode.has(nodeId)) {
      reject(payload, "the node is not in the connector's items");
      return;
    }
    if (dataValue.statusCode.isNotGood()) {
      const kind = dataValue.statusCode.isBad() ? "reports" : "marks the value as uncertain";
      reject(
        payload,
        `the server ${kind}: ${describeStatus(dataValue.statusCode)}; nothing was recorded. Check the device behind this node on the OPC UA server.`,
      );
      return;
    }
    const read = metricValueOf(dataValue.value);
    if (!read.ok) {
      reject(payload, `${read.reason}; nothing was recorded`);
      return;
    }
    const timestamp = eventTimeOf(dataValue);
    // Plain text for scalars keeps dedupe keys readable ("…State@1716…#RUNNING:state").
    const valueKey = typeof payload.value === "object" ? JSON.stringify(payload.value) : String(payload.value);
    const deliveryKey = `${timestamp.getTime()}.${dataValue.sourcePicoseconds}|${valueKey}`;
    if (lastDelivered.get(nodeId) === deliveryKey) return;
    lastDelivered.set(nodeId, deliveryKey);
    queue.push({
      nodeId,
      payload,
      observation: { signalKey: `opcua:${nodeId}`, name: nodeId, value: read.value, timestamp, messageKey: valueKey },
    });
  };

  /**
   * Maps the queue in arrival order, in rounds holding each node at most once: the shared mapper names
   * a problem by signal only, and this is how each problem finds the value it is about.
   */
  const flush = (): TMappedDataChanges => {
    const events: TCanonicalEvent[] = [];
    let rest = queue;
    queue = [];
    while (rest.length > 0) {
      const round = new Map<string, TQueued>();
      const later: TQueued[] = [];
      for (const entry of rest) {
        if (round.has(entry.nodeId)) later.push(entry);
        else round.set(entry.nodeId, entry);
      }
      const batch = [...round.values()].flatMap((entry) =>
        (targetsByNode.get(entry.nodeId) ?? []).map((target) => ({ observation: entry.observation, target })),
      );
      const outcome = mapper.mapBatch(batch);
      events.push(...outcome.events);
      for (const problem of outcome.problems) {
        const entry = round.get(problem.signal);
        if (entry !== undefined) reject(entry.payload, `${withHint(problem.reason)}; nothing was recorded`);
      }
      rest = later;
    }
    const reports = rejected;
    rejected = [];
    return { events, rejected: reports };
  };

  return { add, flush, hasPending: () => queue.length > 0 || rejected.length > 0 };
}
export type TDataChangeMapper = ReturnType<typeof createDataChangeMapper>;
