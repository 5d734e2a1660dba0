import type { ClientSession, OPCUAClient } from "node-opcua";
import { settleWithin, withTimeout } from "./bounded-wait";
import { resolveOpcuaCredentials, type TOpcuaConfig, type TOpcuaSecrets } from "./config";
import { createOpcuaClient, SINGLE_ATTEMPT, userIdentityFor } from "./create-client";

/** What it takes to reach a server; the items are not needed to test a connection or browse for nodes. */
export type TOpcuaConnectionSettings = Pick<
  TOpcuaConfig,
  "endpointUrl" | "securityMode" | "securityPolicy" | "authentication"
>;

/** A problem the admin must fix in the settings; its message is the whole explanation. */
export class OpcuaSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OpcuaSettingsError";
  }
}

export const ONE_OFF_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 2000;

/**
 * Connects once (no retries: a person is waiting), runs `work` in a session and always closes, within
 * bounded waits, whatever happened. Errors are node-opcua's; callers turn them into sentences.
 */
export async function withOneOffSession<T>(
  input: { settings: TOpcuaConnectionSettings; secrets: TOpcuaSecrets; signal?: AbortSignal; timeoutMs?: number },
  work: (session: ClientSession, client: OPCUAClient) => Promise<T>,
): Promise<T> {
  const credentials = resolveOpcuaCredentials(input.settings, input.secrets);
  if (!credentials.ok) throw new OpcuaSettingsError(credentials.reason);
  const timeoutMs = input.timeoutMs ?? ONE_OFF_TIMEOUT_MS;
  const client = createOpcuaClient(input.settings, { connectionStrategy: SINGLE_ATTEMPT, clientName: "Gemba check" });
  let session: ClientSession | undefined;
  try {
    await withTimeout(client.connect(input.settings.endpointUrl), timeoutMs, "Connecting", input.signal);
    session = await withTimeout(
      client.createSession(userIdentityFor(credentials)),
      timeoutMs,
      "Opening a session",
      input.signal,
    );
    return await withTimeout(work(session, client), timeoutMs, "Reading from the server", input.signal);
  } finally {
    const opened = session;
    if (opened !== undefined) await settleWithin(() => opened.close(), CLOSE_TIMEOUT_MS);
    await settleWithin(() => client.disconnect(), CLOSE_TIMEOUT_MS);
  }
}
