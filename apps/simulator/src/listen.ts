/** Where a client on this machine reaches a server bound to `host`. */
export function reachableHost(host: string): string {
  return host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
}

/** One actionable sentence for a server that could not listen. */
export function listenProblem(server: string, host: string, port: number, error: unknown, portFlag: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause =
    code === "EADDRINUSE"
      ? "the port is already in use"
      : code === "EACCES"
        ? "permission denied"
        : error instanceof Error
          ? error.message
          : String(error);
  return `${server} cannot listen on ${host}:${port} (${cause}): stop whatever holds the port or choose another with ${portFlag}.`;
}
