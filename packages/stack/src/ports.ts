import { createServer } from "node:net";
import { LauncherError } from "./errors";

/** Fails with a sentence instead of letting the web app die on EADDRINUSE after a long build. */
export async function assertPortFree(port: number, variable: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    // Same as `next start`: every interface.
    server.listen(port, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new LauncherError(
      `Port ${port} is already in use (another Gemba, or another web server). Stop that program or set ${variable} to a free port.`,
    );
  }
}
