import { once } from "node:events";
import { createServer } from "node:net";
import { connectAsync } from "mqtt";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type TRunningSimulator } from "./start-simulator";

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

let simulator: TRunningSimulator | undefined;
afterEach(async () => {
  await simulator?.stop();
  simulator = undefined;
});

describe("demo without an MQTT broker installed", () => {
  it("starts an embedded broker on the configured local port and publishes births through it", async () => {
    const mqttUrl = `mqtt://127.0.0.1:${await freePort()}`;
    simulator = await startSimulator({
      protocols: ["sparkplug"],
      mqttUrl,
      speed: 60,
      logger: pino({ level: "silent" }),
    });
    expect(simulator.problems).toEqual([]);

    const client = await connectAsync(mqttUrl, { reconnectPeriod: 0 });
    try {
      const births: string[] = [];
      client.on("message", (topic) => births.push(topic));
      await client.subscribeAsync("spBv1.0/Riverside/#");
      // Ask for births: a rebirth command to one edge node re-publishes its NBIRTH and DBIRTHs.
      const { encodeSparkplugPayload } = await import("@gemba/connectors/sparkplug/payload");
      await client.publishAsync(
        "spBv1.0/Riverside/NCMD/STP1",
        Buffer.from(
          encodeSparkplugPayload({
            timestamp: Date.now(),
            metrics: [{ name: "Node Control/Rebirth", type: "Boolean", value: true }],
          }),
        ),
      );
      await expect.poll(() => births.some((topic) => topic.includes("/NBIRTH/STP1")), { timeout: 10_000 }).toBe(true);
    } finally {
      await client.endAsync();
    }
  });

  it("leaves a broker that already answers alone", async () => {
    simulator = await startSimulator({
      protocols: ["sparkplug"],
      mqttUrl: "mqtt://127.0.0.1:1883",
      groupId: `Riverside-${Date.now()}`,
      logger: pino({ level: "silent" }),
    });
    expect(simulator.problems).toEqual([]);
  });
});
