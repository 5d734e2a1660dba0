import { once } from "node:events";
import { connect, createServer, type Socket } from "node:net";
import { Aedes } from "aedes";
import type { Logger } from "pino";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export type TEmbeddedBroker = { url: string; stop: () => Promise<void> };

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(1_000);
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

/**
 * A laptop trying the demo rarely runs an MQTT broker. When the configured broker is a plain
 * mqtt:// URL on this machine and nothing answers there, start a small in-process broker (aedes)
 * on that port, so the Sparkplug B demo works with nothing installed. A real broker always wins.
 */
export async function startEmbeddedBrokerIfMissing(
  brokerUrl: string,
  logger: Logger,
): Promise<TEmbeddedBroker | undefined> {
  const url = new URL(brokerUrl);
  if (url.protocol !== "mqtt:" && url.protocol !== "tcp:") return undefined;
  if (!LOCAL_HOSTS.has(url.hostname)) return undefined;
  const port = Number(url.port || 1883);
  const host = url.hostname === "localhost" ? "127.0.0.1" : url.hostname.replace(/^\[|\]$/g, "");
  if (await answers(host, port)) return undefined;

  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  // server.close() waits for every connection to end: keep them to end them on stop.
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.listen(port, host);
  try {
    await once(server, "listening");
  } catch (error) {
    broker.close();
    throw error;
  }
  logger.info({ port }, `no MQTT broker answered at ${brokerUrl}: started an embedded one (aedes) there for the demo`);
  return {
    url: brokerUrl,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await closed;
    },
  };
}
