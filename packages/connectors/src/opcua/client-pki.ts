import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OPCUACertificateManager } from "node-opcua";

/**
 * Where Gemba's OPC UA client keeps its certificate. node-opcua would otherwise use one folder under
 * $HOME for every process, and several workers (or test files) creating the first certificate at
 * once race on it. A server with security on must trust this certificate, so a long-running worker
 * should call `configureOpcuaClientPki` with a persistent folder from its env; without it every
 * process gets a throw-away folder and a fresh certificate.
 */
let rootFolder: string | undefined;
let temporary = false;
let manager: OPCUACertificateManager | undefined;

export function configureOpcuaClientPki(options: { rootFolder: string }): void {
  if (manager !== undefined && rootFolder !== options.rootFolder) {
    throw new Error("The OPC UA client PKI folder must be configured before the first connection.");
  }
  rootFolder = options.rootFolder;
}

const removeTemporaryFolder = () => {
  if (temporary && rootFolder !== undefined) rmSync(rootFolder, { recursive: true, force: true });
};

const temporaryRootFolder = (): string => {
  temporary = true;
  process.once("exit", removeTemporaryFolder);
  return mkdtempSync(join(tmpdir(), "gemba-opcua-client-pki-"));
};

/**
 * One manager per process, shared by every client: each manager would start its own folder watchers.
 * Clients count their references and dispose on disconnect; the reference taken here keeps the shared
 * manager alive between connections.
 */
export function getOpcuaClientCertificateManager(): OPCUACertificateManager {
  if (manager === undefined) {
    // OPCUA_CLIENT_PKI_DIR (set by the launcher) keeps one certificate across restarts, so a server
    // that was told to trust Gemba once keeps trusting it.
    rootFolder ??= process.env.OPCUA_CLIENT_PKI_DIR || temporaryRootFolder();
    manager = new OPCUACertificateManager({
      rootFolder,
      // Trust on first use: the server certificate is accepted and kept in trusted/, as most HMI clients do.
      automaticallyAcceptUnknownCertificate: true,
      disableFileWatchers: true,
    });
    manager.referenceCounter += 1;
  }
  return manager;
}

/**
 * Lets go of the shared manager and deletes a throw-away folder. For test files (a test worker is killed
 * rather than exiting, so the exit hook does not run); call it once every client is disconnected.
 */
export async function releaseOpcuaClientPki(): Promise<void> {
  const released = manager;
  manager = undefined;
  if (released !== undefined) {
    released.referenceCounter = 0;
    await released.dispose();
  }
  removeTemporaryFolder();
  process.removeListener("exit", removeTemporaryFolder);
  if (temporary) rootFolder = undefined;
  temporary = false;
}
