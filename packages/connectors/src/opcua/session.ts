import { type ClientSession, type DataValue, type OPCUAClient, resolveNodeId, type UserIdentityInfo } from "node-opcua";
import type {
  TConnectorContext,
  TConnectorOutput,
  TConnectorStatus,
  TStreamingConnector,
} from "../framework/definition";
import { settleWithin, sleep, withTimeout } from "./bounded-wait";
import { resolveOpcuaCredentials, type TOpcuaConfig, type TOpcuaSecrets } from "./config";
import { createOpcuaClient, userIdentityFor } from "./create-client";
import { describeStatus } from "./data-value";
import { describeOpcuaError, errorMessage } from "./describe-error";
import { createDataChangeMapper } from "./map-data-changes";
import { MAX_KEEP_ALIVE_COUNT, monitorNodes, type TMonitoredNodes, unmonitoredNodes } from "./monitor-nodes";

export type TOpcuaSessionTuning = {
  /** Wait before the first reconnection attempt; doubles per failure up to `reconnectMaxDelayMs`. */
  reconnectInitialDelayMs: number;
  reconnectMaxDelayMs: number;
  /** Creating the session, the subscription or the monitored items taking longer counts as a failed attempt. */
  setupTimeoutMs: number;
  /** Each step of closing (subscription, session, client) may take this long, so stop() always returns. */
  closeTimeoutMs: number;
  /** No data or keep-alive for this long and the subscription counts as lost; derived from the config when absent. */
  silenceLimitMs?: number;
};

const DEFAULT_TUNING: TOpcuaSessionTuning = {
  reconnectInitialDelayMs: 1000,
  reconnectMaxDelayMs: 30_000,
  setupTimeoutMs: 20_000,
  closeTimeoutMs: 2000,
};

/** One client connection with what was built on it; replaced as a whole when node-opcua cannot repair it. */
type TLink = {
  client: OPCUAClient;
  session?: ClientSession;
  monitored?: TMonitoredNodes;
  closing: boolean;
  /** Resolves with the reason once the link is beyond node-opcua's own repair. */
  broken: Promise<string>;
  breakWith: (reason: string) => void;
};

/**
 * Streams the configured nodes of one OPC UA server as canonical events. node-opcua reconnects by itself
 * and, when the server lost the session (a restart), creates a new session, subscription and monitored
 * items. When it cannot (the subscription was ended, the client gave up, nothing heard for three keep-alive
 * periods), this connector drops the whole client and builds a new one, with capped exponential backoff.
 */
export function createOpcuaSession(
  context: TConnectorContext<TOpcuaConfig, TOpcuaSecrets>,
  output: TConnectorOutput,
  tuning: Partial<TOpcuaSessionTuning> = {},
): TStreamingConnector {
  const { config } = context;
  const settings = { ...DEFAULT_TUNING, ...tuning };
  const url = config.endpointUrl;
  const mapper = createDataChangeMapper({ sourceId: context.sourceId, items: config.items });
  // Three keep-alive periods without a word from the subscription means it is gone, whatever node-opcua thinks.
  const silenceLimitMs =
    settings.silenceLimitMs ?? Math.max(3 * config.publishingIntervalMs * MAX_KEEP_ALIVE_COUNT, 10_000);
  const reconnectingLimitMs = Math.max(silenceLimitMs, 10 * settings.reconnectMaxDelayMs);
  const lifetime = new AbortController();
  const reportedBadNodes = new Map<string, string>();
  let current: TLink | undefined;
  let everConnected = false;
  let lastHeard = Date.now();
  let flushScheduled = false;
  let started: Promise<void> | undefined;
  let running: Promise<void> | undefined;
  let watchdog: NodeJS.Timeout | undefined;

  // The runtime's output never throws by contract; guarding anyway keeps a bug there out of node-opcua.
  const guard = (run: () => void) => {
    try {
      run();
    } catch (error) {
      try {
        output.error(`OPC UA connector: ${errorMessage(error)}`);
      } catch {
        // Nowhere left to report; the connection must survive regardless.
      }
    }
  };
  const status = (value: TConnectorStatus, detail: string) => guard(() => output.status(value, detail));
  const reportError = (message: string) => guard(() => output.error(message));
  const stopped = () => lifetime.signal.aborted;
  const waiting = (): TConnectorStatus => (everConnected ? "reconnecting" : "connecting");

  const nodeIds = [...new Set(config.items.map((item) => item.nodeId))].filter((nodeId) => {
    try {
      resolveNodeId(nodeId);
      return true;
    } catch (error) {
      reportError(`OPC UA node id ${nodeId} is not valid (${errorMessage(error)}): fix it in the connector's items.`);
      return false;
    }
  });

  const flush = () => {
    flushScheduled = false;
    guard(() => {
      const { events, rejected } = mapper.flush();
      if (events.length > 0) output.events(events);
      for (const report of rejected) output.rejected(report);
    });
  };
  const onChange = (nodeId: string, dataValue: DataValue) =>
    guard(() => {
      if (stopped()) return;
      lastHeard = Date.now();
      mapper.add(nodeId, dataValue);
      // node-opcua emits one publish response's values synchronously: map them as one batch, so a part
      // counted on PartCount and GoodCount together becomes one count event.
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    });

  const checkMonitoredNodes = (monitored: TMonitoredNodes) =>
    guard(() => {
      const bad = new Map(unmonitoredNodes(monitored).map((entry) => [entry.nodeId, entry.statusCode]));
      for (const [nodeId, statusCode] of bad) {
        if (reportedBadNodes.get(nodeId) === statusCode.name) continue;
        reportedBadNodes.set(nodeId, statusCode.name);
        reportError(
          `OPC UA node ${nodeId} cannot be monitored: ${describeStatus(statusCode)}. Check the node id in the connector's items; the other nodes keep working.`,
        );
      }
      for (const nodeId of reportedBadNodes.keys()) if (!bad.has(nodeId)) reportedBadNodes.delete(nodeId);
      const good = monitored.nodeIds.length - bad.size;
      status("connected", `subscribed to ${good} of ${monitored.nodeIds.length} nodes at ${url}`);
    });

  const createLink = (): TLink => {
    let breakWith: (reason: string) => void = () => undefined;
    const broken = new Promise<string>((resolve) => {
      breakWith = resolve;
    });
    const client = createOpcuaClient(config, {
      clientName: `Gemba ${context.connectorId}`,
      keepSessionAlive: true,
      connectionStrategy: {
        maxRetry: -1,
        initialDelay: settings.reconnectInitialDelayMs,
        maxDelay: settings.reconnectMaxDelayMs,
        randomisationFactor: 0.1,
      },
    });
    const link: TLink = { client, closing: false, broken, breakWith: (reason) => link.closing || breakWith(reason) };
    client.on("backoff", (count: number, delay: number) => {
      if (count === 0 && !everConnected) reportError(`Cannot reach the OPC UA server at ${url} yet; retrying.`);
      status(waiting(), `no answer from ${url} (attempt ${count + 1}); next attempt in ${Math.ceil(delay / 1000)} s`);
    });
    client.on("connection_lost", () => {
      if (link.closing) return;
      lastHeard = Date.now();
      reportError(`Lost the connection to the OPC UA server at ${url}; reconnecting.`);
      status("reconnecting", `connection to ${url} lost`);
    });
    client.on("after_reconnection", (error?: Error | null) => {
      lastHeard = Date.now();
      if (error && !link.closing) reportError(describeOpcuaError(error, config));
    });
    client.on("connection_reestablished", () => {
      lastHeard = Date.now();
      if (link.monitored !== undefined) checkMonitoredNodes(link.monitored);
    });
    // After a failed reconnection node-opcua closes the client for good and only says so here.
    client.on("close", (error?: Error | null) => {
      if (error) link.breakWith(`the OPC UA client gave up reconnecting: ${describeOpcuaError(error, config)}`);
    });
    return link;
  };

  const establish = async (link: TLink, identity: UserIdentityInfo) => {
    status(waiting(), `connecting to ${url}`);
    await link.client.connect(url);
    const session = await withTimeout(
      link.client.createSession(identity),
      settings.setupTimeoutMs,
      "Opening a session",
    );
    link.session = session;
    session.on("session_closed", () => link.breakWith("the OPC UA session was closed"));
    session.on("session_repaired_failed", (error: unknown) =>
      reportError(`Restoring the OPC UA session failed: ${errorMessage(error)}; retrying.`),
    );
    link.monitored = await monitorNodes(
      session,
      {
        nodeIds,
        publishingIntervalMs: config.publishingIntervalMs,
        samplingIntervalMs: config.samplingIntervalMs,
        timeoutMs: settings.setupTimeoutMs,
      },
      {
        onChange,
        onAlive: () => {
          lastHeard = Date.now();
        },
        onLost: (reason) => link.breakWith(reason),
        onProblem: reportError,
      },
    );
    everConnected = true;
    lastHeard = Date.now();
    checkMonitoredNodes(link.monitored);
  };

  const close = async (link: TLink) => {
    link.closing = true;
    const { client, session } = link;
    // A polite goodbye (which also deletes the subscription) only to a server that is there: on a lost
    // connection it would just wait.
    if (!client.isReconnecting && session !== undefined) {
      await settleWithin(() => session.close(true), settings.closeTimeoutMs);
    }
    await settleWithin(() => client.disconnect(), settings.closeTimeoutMs);
  };

  const run = async (identity: UserIdentityInfo, firstOutcome: () => void) => {
    let failures = 0;
    while (!stopped()) {
      const link = createLink();
      current = link;
      // The first connection attempt failing (not every retry) is news enough to let start() return.
      link.client.once("backoff", () => firstOutcome());
      try {
        await establish(link, identity);
        failures = 0;
        firstOutcome();
        const reason = await link.broken; // stop() breaks it too
        if (stopped()) break;
        reportError(`OPC UA connection to ${url} is being rebuilt: ${reason}.`);
        status("reconnecting", reason);
      } catch (error) {
        if (stopped()) break;
        const message = describeOpcuaError(error, config);
        reportError(message);
        status(waiting(), message);
        firstOutcome();
      }
      await close(link);
      const delay = Math.min(settings.reconnectInitialDelayMs * 2 ** failures, settings.reconnectMaxDelayMs);
      failures += 1;
      await sleep(delay * (0.9 + Math.random() * 0.2), lifetime.signal);
    }
  };

  /** Settings no retry can fix: reported, and start() rejects with the same sentence. */
  const refuse = (reason: string, reject: (error: Error) => void) => {
    status("disconnected", reason);
    reportError(reason);
    reject(new Error(reason));
  };

  /**
   * Resolves once subscribed or once the first attempt failed (the loop keeps trying and reports its
   * status); rejects only for settings that retrying cannot fix.
   */
  const start = (): Promise<void> => {
    started ??= new Promise<void>((resolve, reject) => {
      if (stopped()) return resolve();
      const credentials = resolveOpcuaCredentials(config, context.secrets);
      if (!credentials.ok) return refuse(credentials.reason, reject);
      if (nodeIds.length === 0)
        return refuse("None of the configured node ids is valid: fix the connector's items.", reject);
      running = run(userIdentityFor(credentials), resolve)
        .catch((error: unknown) => reportError(`OPC UA connector stopped unexpectedly: ${errorMessage(error)}`))
        .finally(() => resolve());
      watchdog = setInterval(
        () => {
          const link = current;
          if (!link?.monitored || link.closing) return;
          // While node-opcua reconnects it gets longer, but not forever: a repair that keeps failing
          // (a session it cannot restore) is ended and replaced by a fresh client.
          const limit = link.client.isReconnecting ? reconnectingLimitMs : silenceLimitMs;
          if (Date.now() - lastHeard > limit) {
            link.breakWith(`nothing heard from the subscription for ${Math.round(limit / 1000)} s`);
          }
        },
        Math.min(5000, silenceLimitMs / 2),
      );
      watchdog.unref();
    });
    return started;
  };

  const stop = async () => {
    if (stopped()) return;
    lifetime.abort();
    clearInterval(watchdog);
    if (flushScheduled) flush();
    if (current) {
      current.breakWith("stopped");
      await close(current);
    }
    if (running) await settleWithin(() => running ?? Promise.resolve(), settings.closeTimeoutMs);
    status("disconnected", "stopped");
  };

  return { start, stop };
}
