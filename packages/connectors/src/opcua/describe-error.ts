import type { TOpcuaConfig } from "./config";

type TErrorContext = Pick<TOpcuaConfig, "endpointUrl" | "securityMode" | "securityPolicy">;

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** node-opcua's messages name internals ("Secure Channel Closed"); admins need to know what to change. */
const RULES: ReadonlyArray<{ test: RegExp; explain: (context: TErrorContext, raw: string) => string }> = [
  {
    test: /Cannot find an Endpoint matching/i,
    explain: (c) =>
      `The server at ${c.endpointUrl} offers no endpoint with security mode ${c.securityMode} and policy ${c.securityPolicy}: choose a mode and policy the server offers.`,
  },
  {
    test: /Cannot find ANONYMOUS user token policy/i,
    explain: (c) =>
      `The server at ${c.endpointUrl} does not accept anonymous sessions on this endpoint: switch authentication to username and store the credentials.`,
  },
  {
    test: /Cannot find USERNAME user token policy/i,
    explain: (c) =>
      `The server at ${c.endpointUrl} does not accept username logins with security mode ${c.securityMode}: enable username tokens on the server or choose another security mode.`,
  },
  {
    test: /BadUserAccessDenied|BadIdentityTokenRejected|BadIdentityTokenInvalid/i,
    explain: (c) =>
      `The server at ${c.endpointUrl} rejected the login: check the username and password in the connector's secrets.`,
  },
  {
    test: /BadCertificate|BadSecurityChecksFailed|certificate/i,
    explain: (c) =>
      `The server at ${c.endpointUrl} did not accept Gemba's client certificate: trust it on the server (it is usually in the server's rejected certificates), or use security mode None.`,
  },
  {
    test: /BadTooManySessions|BadTcpServerTooBusy|BadMaxConnectionsReached/i,
    explain: (c) => `The server at ${c.endpointUrl} refuses more sessions: close unused clients or raise its limit.`,
  },
  {
    test: /^(Opening a session|Creating the subscription|Creating the monitored items|Reading from the server) timed out/,
    explain: (c) =>
      `The server at ${c.endpointUrl} accepted the connection but did not answer in time: it may be overloaded or short of sessions.`,
  },
  {
    test: /ENOTFOUND|EAI_AGAIN/i,
    explain: (c) => `The host in ${c.endpointUrl} cannot be resolved: check the endpoint URL.`,
  },
  {
    test: /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|rejected by server|Secure Channel Closed|socket has been disconnected|timed out|timeout/i,
    explain: (c) =>
      `Nothing answers as an OPC UA server at ${c.endpointUrl}: check the endpoint URL, that the server is running and that the worker can reach it (firewall, port).`,
  },
];

export function describeOpcuaError(error: unknown, context: TErrorContext): string {
  const raw = errorMessage(error);
  const rule = RULES.find((candidate) => candidate.test.test(raw));
  const firstLine = raw.split("\n")[0]?.trim() ?? raw;
  return rule === undefined
    ? `OPC UA error at ${context.endpointUrl}: ${firstLine}`
    : `${rule.explain(context, raw)} (${firstLine})`;
}
