import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

export const PROTOCOLS = ["sparkplug", "mtconnect", "opcua"] as const;
export type TProtocol = (typeof PROTOCOLS)[number];

/** The work centers served by MTConnect and OPC UA; every other one is a Sparkplug B device. */
export const MTCONNECT_DEVICE = "CNC-101";
export const OPCUA_DEVICE = "PRS-201";
/** The OPC UA folder under Objects that holds the lines: Objects/Riverside/STP1/PRS-201. */
export const OPCUA_PLANT_FOLDER = "Riverside";

const DEFAULT_PKI_DIR = resolve(import.meta.dirname, "../.gemba/opcua-pki");

const port = (fallback: number) => z.number().int().min(0).max(65_535).default(fallback);

export const ZSimulatorOptions = z.object({
  /** Simulated seconds per wall-clock second. */
  speed: z.number().positive().max(100_000).default(1),
  seed: z.number().int().default(1),
  tickMs: z.number().int().min(10).max(60_000).default(500),
  telemetryIntervalMs: z.number().int().min(10).max(3_600_000).default(2_000),
  protocols: z
    .array(z.enum(PROTOCOLS))
    .min(1)
    .default([...PROTOCOLS]),
  /** Interface the MTConnect agent and the OPC UA server listen on. */
  host: z.string().min(1).default("127.0.0.1"),
  mqttUrl: z
    .string()
    .regex(/^(mqtts?|wss?|tcp|ssl):\/\/.+/, "must be a broker URL such as mqtt://127.0.0.1:1883")
    .default("mqtt://127.0.0.1:1883"),
  /** auto: start an in-process MQTT broker when nothing answers at a local mqttUrl; never: just report it. */
  embeddedBroker: z.enum(["auto", "never"]).default("auto"),
  groupId: z
    .string()
    .regex(/^[^/+#]+$/, "must not contain /, + or #")
    .default("Riverside"),
  /** When set, edge nodes publish births only once this Sparkplug primary host is online. */
  primaryHostId: z
    .string()
    .regex(/^[^/+#]+$/, "must not contain /, + or #")
    .optional(),
  mtconnectPort: port(5480),
  /** Small enough that a slow poller sees a buffer overrun. */
  mtconnectBufferSize: z.number().int().min(8).max(1_000_000).default(1_000),
  opcuaPort: port(4841),
  opcuaPkiDir: z.string().min(1).default(DEFAULT_PKI_DIR),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type TSimulatorOptions = z.infer<typeof ZSimulatorOptions>;
export type TSimulatorOptionsInput = z.input<typeof ZSimulatorOptions>;

type TOptionKey = keyof TSimulatorOptions;

/** Flag → option, with the environment variable that sets the same option (flags win). */
const SOURCES: ReadonlyArray<{ key: TOptionKey; flag: string; env: string; kind: "number" | "string" | "list" }> = [
  { key: "speed", flag: "speed", env: "SIMULATOR_SPEED", kind: "number" },
  { key: "seed", flag: "seed", env: "SIMULATOR_SEED", kind: "number" },
  { key: "tickMs", flag: "tick-ms", env: "SIMULATOR_TICK_MS", kind: "number" },
  { key: "telemetryIntervalMs", flag: "telemetry-interval-ms", env: "SIMULATOR_TELEMETRY_INTERVAL_MS", kind: "number" },
  { key: "protocols", flag: "protocols", env: "SIMULATOR_PROTOCOLS", kind: "list" },
  { key: "host", flag: "host", env: "SIMULATOR_HOST", kind: "string" },
  { key: "mqttUrl", flag: "mqtt-url", env: "SIMULATOR_MQTT_URL", kind: "string" },
  { key: "groupId", flag: "group-id", env: "SIMULATOR_GROUP_ID", kind: "string" },
  { key: "embeddedBroker", flag: "embedded-broker", env: "SIMULATOR_EMBEDDED_BROKER", kind: "string" },
  { key: "primaryHostId", flag: "primary-host-id", env: "SIMULATOR_PRIMARY_HOST_ID", kind: "string" },
  { key: "mtconnectPort", flag: "mtconnect-port", env: "SIMULATOR_MTCONNECT_PORT", kind: "number" },
  {
    key: "mtconnectBufferSize",
    flag: "mtconnect-buffer-size",
    env: "SIMULATOR_MTCONNECT_BUFFER_SIZE",
    kind: "number",
  },
  { key: "opcuaPort", flag: "opcua-port", env: "SIMULATOR_OPCUA_PORT", kind: "number" },
  { key: "opcuaPkiDir", flag: "opcua-pki-dir", env: "SIMULATOR_OPCUA_PKI_DIR", kind: "string" },
  { key: "logLevel", flag: "log-level", env: "LOG_LEVEL", kind: "string" },
];

export const USAGE = `pnpm simulate [options]   — the Riverside Components demo plant, live

  --speed <n>                  simulated seconds per second (default 1; 60 = an hour per minute)
  --seed <n>                   random seed (default 1)
  --protocols <list>           comma-separated: sparkplug,mtconnect,opcua (default all)
  --mqtt-url <url>             MQTT broker (default mqtt://127.0.0.1:1883)
  --group-id <id>              Sparkplug group id (default Riverside)
  --embedded-broker <mode>     auto: start an in-process MQTT broker if none answers at a local
                               --mqtt-url (default); never: only report it
  --primary-host-id <id>       wait for this Sparkplug primary host's STATE before births
  --host <ip>                  interface for MTConnect and OPC UA (default 127.0.0.1)
  --mtconnect-port <port>      MTConnect agent port (default 5480)
  --mtconnect-buffer-size <n>  MTConnect buffer size (default 1000)
  --opcua-port <port>          OPC UA server port (default 4841)
  --opcua-pki-dir <dir>        OPC UA certificates (default apps/simulator/.gemba/opcua-pki)
  --tick-ms <ms>               wall-clock ms between simulation steps (default 500)
  --telemetry-interval-ms <ms> wall-clock ms between telemetry samples (default 2000)
  --log-level <level>          pino level (default info)

Every flag can also be set in the environment: SIMULATOR_SPEED, SIMULATOR_MQTT_URL, … (LOG_LEVEL for --log-level).
`;

/**
 * The simulator's only reader of flags and environment. Returns "help" for --help; throws one
 * message listing every invalid option otherwise.
 */
export function loadSimulatorOptions(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): TSimulatorOptions | "help" {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: "boolean", short: "h" },
      ...Object.fromEntries(SOURCES.map((source) => [source.flag, { type: "string" as const }])),
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help === true) return "help";
  const flags: Record<string, string | boolean | undefined> = values;

  const input: Record<string, unknown> = {};
  for (const source of SOURCES) {
    const flagValue = flags[source.flag];
    const raw = typeof flagValue === "string" ? flagValue : env[source.env];
    if (raw === undefined || raw === "") continue;
    if (source.kind === "number") input[source.key] = raw.trim() === "" ? Number.NaN : Number(raw);
    else if (source.kind === "list") input[source.key] = raw.split(",").map((item) => item.trim().toLowerCase());
    else input[source.key] = raw;
  }
  const parsed = ZSimulatorOptions.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const source = SOURCES.find((candidate) => candidate.key === issue.path[0]);
    const name = source === undefined ? issue.path.join(".") : `--${source.flag} (${source.env})`;
    return `${name}: ${issue.message}`;
  });
  throw new Error(`The simulator cannot start; fix these options:\n  ${problems.join("\n  ")}`);
}
