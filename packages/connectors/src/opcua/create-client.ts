import {
  type ConnectionStrategyOptions,
  MessageSecurityMode,
  OPCUAClient,
  SecurityPolicy,
  type UserIdentityInfo,
  UserTokenType,
} from "node-opcua";
import { getOpcuaClientCertificateManager } from "./client-pki";
import type { TOpcuaConfig, TOpcuaCredentials } from "./config";

export const OPCUA_APPLICATION_NAME = "Gemba";

/** Ask once, fail fast: for the "Test connection" button and node browsing, where a person is waiting. */
export const SINGLE_ATTEMPT: ConnectionStrategyOptions = { maxRetry: 0, initialDelay: 100, maxDelay: 200 };

export function createOpcuaClient(
  config: Pick<TOpcuaConfig, "securityMode" | "securityPolicy">,
  options: { connectionStrategy: ConnectionStrategyOptions; clientName: string; keepSessionAlive?: boolean },
): OPCUAClient {
  return OPCUAClient.create({
    applicationName: OPCUA_APPLICATION_NAME,
    clientName: options.clientName,
    securityMode: MessageSecurityMode[config.securityMode],
    securityPolicy: SecurityPolicy[config.securityPolicy],
    // Servers often announce their endpoints under a hostname the worker cannot resolve (the PLC's own
    // name, a container id): connect to the configured address whatever the server calls itself.
    endpointMustExist: false,
    connectionStrategy: options.connectionStrategy,
    keepSessionAlive: options.keepSessionAlive ?? false,
    requestedSessionTimeout: 60_000,
    defaultTransactionTimeout: 15_000,
    clientCertificateManager: getOpcuaClientCertificateManager(),
  });
}

export function userIdentityFor(credentials: Extract<TOpcuaCredentials, { ok: true }>): UserIdentityInfo {
  const { identity } = credentials;
  return identity.kind === "anonymous"
    ? { type: UserTokenType.Anonymous }
    : { type: UserTokenType.UserName, userName: identity.username, password: identity.password };
}
