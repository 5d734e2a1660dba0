import { z } from "zod";
import { ZMappingTarget } from "../sparkplug/map-core";

export const OPCUA_SECURITY_MODES = ["None", "Sign", "SignAndEncrypt"] as const;
export const OPCUA_SECURITY_POLICIES = [
  "None",
  "Basic256Sha256",
  "Aes128_Sha256_RsaOaep",
  "Aes256_Sha256_RsaPss",
] as const;

/**
 * The text form of an OPC UA node id (Part 6 §5.3.1.10): an optional `ns=<index>;` or `nsu=<uri>;`
 * prefix, then `i=` (numeric), `s=` (string), `g=` (GUID) or `b=` (opaque) and the identifier.
 */
export const ZOpcuaNodeId = z
  .string()
  .trim()
  .min(3)
  .max(1000)
  .regex(/^(ns=\d+;|nsu=[^;]+;)?[isgb]=.+$/s, "expected an OPC UA node id such as ns=2;s=Line1.Press.State or i=2258")
  .meta({
    title: "Node id",
    description: "The variable to monitor, as the server's browser shows it (ns=2;s=Line1.Press.State).",
  });

const nodeId = ZOpcuaNodeId;
// Each mapping target gains a node id while staying one discriminated union, so the form can show
// only the fields of the chosen "as".
const [asState, asCountTotal, asCountGood, asScrap, asTelemetry] = ZMappingTarget.options;
export const ZOpcuaItem = z.discriminatedUnion("as", [
  asState.extend({ nodeId }),
  asCountTotal.extend({ nodeId }),
  asCountGood.extend({ nodeId }),
  asScrap.extend({ nodeId }),
  asTelemetry.extend({ nodeId }),
]);
export type TOpcuaItem = z.infer<typeof ZOpcuaItem>;

export const ZOpcuaConfig = z
  .object({
    endpointUrl: z
      .string()
      .trim()
      .regex(/^opc\.tcp:\/\/[^\s/:]+(:\d{1,5})?(\/\S*)?$/, "expected opc.tcp://host:port[/path]")
      .meta({
        title: "Endpoint URL",
        description: "Address of the OPC UA server as seen from the Gemba worker, e.g. opc.tcp://10.0.4.20:4840.",
      }),
    securityMode: z.enum(OPCUA_SECURITY_MODES).default("None").meta({
      title: "Security mode",
      description: "Sign or SignAndEncrypt need the server to trust Gemba's client certificate.",
    }),
    securityPolicy: z.enum(OPCUA_SECURITY_POLICIES).default("None").meta({
      title: "Security policy",
      description: "None with security mode None; otherwise one the server offers.",
    }),
    authentication: z
      .enum(["anonymous", "username"])
      .default("anonymous")
      .meta({ title: "Authentication", description: "Username uses the username and password stored as secrets." }),
    publishingIntervalMs: z
      .int()
      .min(100)
      .max(60_000)
      .default(1000)
      .meta({ title: "Publishing interval (ms)", description: "How often the server sends the changes it collected." }),
    samplingIntervalMs: z.int().min(0).max(60_000).default(250).meta({
      title: "Sampling interval (ms)",
      description: "How often the server checks each node for a change; 0 asks for the fastest it supports.",
    }),
    items: z
      .array(ZOpcuaItem)
      .min(1)
      .max(1000)
      .meta({ title: "Monitored nodes", description: "Each node and what its values mean for a work center." }),
  })
  // A secured channel always has a policy and an unsecured one never has: catch the mismatch here,
  // not as an obscure endpoint error at connect time. (Refinements are ignored by z.toJSONSchema.)
  .refine((config) => (config.securityMode === "None") === (config.securityPolicy === "None"), {
    message: "security mode None goes with security policy None, and Sign / SignAndEncrypt need another policy",
    path: ["securityPolicy"],
  });
export type TOpcuaConfig = z.infer<typeof ZOpcuaConfig>;

export const ZOpcuaSecrets = z.object({
  username: z.string().min(1).max(200).optional().meta({ title: "Username" }),
  password: z.string().max(500).optional().meta({ title: "Password" }),
});
export type TOpcuaSecrets = z.infer<typeof ZOpcuaSecrets>;

export type TOpcuaCredentials =
  | { ok: true; identity: { kind: "anonymous" } | { kind: "username"; username: string; password: string } }
  | { ok: false; reason: string };

/** Username authentication is only usable with both secrets; saying so beats a BadIdentityTokenInvalid later. */
export function resolveOpcuaCredentials(
  config: Pick<TOpcuaConfig, "authentication">,
  secrets: TOpcuaSecrets,
): TOpcuaCredentials {
  if (config.authentication === "anonymous") return { ok: true, identity: { kind: "anonymous" } };
  if (!secrets.username || secrets.password === undefined) {
    return {
      ok: false,
      reason:
        "Username authentication is selected but no username and password are stored: enter them in the connector's secrets.",
    };
  }
  return { ok: true, identity: { kind: "username", username: secrets.username, password: secrets.password } };
}
