import {
  AttributeIds,
  ClientMonitoredItemGroup,
  type ClientSession,
  type ClientSubscription,
  type DataValue,
  type StatusCode,
  TimestampsToReturn,
} from "node-opcua";
import { withTimeout } from "./bounded-wait";
import { errorMessage } from "./describe-error";

// The server answers at least every publishing interval × this count, even with nothing to report:
// that keep-alive is how a silent subscription is told apart from a dead one.
export const MAX_KEEP_ALIVE_COUNT = 10;
// Values changing faster than the publishing interval wait in the server's queue instead of being lost
// (a RUNNING → DOWN → RUNNING blip within one interval must still count as a stop).
const QUEUE_SIZE = 100;

export type TMonitorCallbacks = {
  onChange: (nodeId: string, dataValue: DataValue) => void;
  /** A publish response arrived (data or keep-alive): the subscription is alive. */
  onAlive: () => void;
  /** The server no longer holds the subscription; node-opcua will not bring it back on its own. */
  onLost: (reason: string) => void;
  /** Something went wrong that node-opcua recovers from by itself; worth showing, not worth a reconnect. */
  onProblem: (message: string) => void;
};

export type TMonitoredNodes = {
  subscription: ClientSubscription;
  group: ClientMonitoredItemGroup;
  nodeIds: readonly string[];
};

/** Creates one subscription with a monitored item per node; resolves once the server answered for all of them. */
export async function monitorNodes(
  session: ClientSession,
  options: { nodeIds: readonly string[]; publishingIntervalMs: number; samplingIntervalMs: number; timeoutMs: number },
  callbacks: TMonitorCallbacks,
): Promise<TMonitoredNodes> {
  const subscription = await withTimeout(
    session.createSubscription2({
      requestedPublishingInterval: options.publishingIntervalMs,
      requestedMaxKeepAliveCount: MAX_KEEP_ALIVE_COUNT,
      requestedLifetimeCount: MAX_KEEP_ALIVE_COUNT * 6,
      maxNotificationsPerPublish: 1000,
      publishingEnabled: true,
      priority: 10,
    }),
    options.timeoutMs,
    "Creating the subscription",
  );
  subscription.on("keepalive", callbacks.onAlive);
  subscription.on("received_notifications", callbacks.onAlive);
  subscription.on("terminated", () => callbacks.onLost("the server ended the subscription"));
  subscription.on("status_changed", (status: StatusCode | undefined) => {
    if (status?.isNotGood()) callbacks.onLost(`the server reported ${status.name} for the subscription`);
  });
  // An EventEmitter "error" without a listener would throw inside node-opcua and end the worker.
  subscription.on("error", (error: unknown) => callbacks.onLost(`the subscription failed: ${errorMessage(error)}`));
  subscription.on("internal_error", (error: unknown) =>
    callbacks.onProblem(`OPC UA subscription: ${errorMessage(error)}`),
  );

  const group = ClientMonitoredItemGroup.create(
    subscription,
    options.nodeIds.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })),
    { samplingInterval: options.samplingIntervalMs, queueSize: QUEUE_SIZE, discardOldest: true },
    TimestampsToReturn.Both,
  );
  // Listening before the server answers: the first publish response carries every node's current value.
  group.on("changed", (_item, dataValue, index) => {
    const nodeId = options.nodeIds[index];
    if (nodeId !== undefined) callbacks.onChange(nodeId, dataValue);
  });
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      group.once("initialized", () => resolve());
      group.once("err", (message) => reject(new Error(`Creating the monitored items failed: ${message}`)));
    }),
    options.timeoutMs,
    "Creating the monitored items",
  );
  return { subscription, group, nodeIds: options.nodeIds };
}

/** Nodes the server refused to monitor (unknown node id, no read access); the others keep working. */
export function unmonitoredNodes(monitored: TMonitoredNodes): Array<{ nodeId: string; statusCode: StatusCode }> {
  return monitored.group.monitoredItems.flatMap((item, index) => {
    const nodeId = monitored.nodeIds[index];
    return nodeId !== undefined && item.statusCode?.isNotGood() ? [{ nodeId, statusCode: item.statusCode }] : [];
  });
}
