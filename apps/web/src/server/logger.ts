import "server-only";
import pino, { type Logger } from "pino";
import { webEnv } from "./env";

let instance: Logger | undefined;

/** Created on first use: route modules are imported at build time, when no env is set. */
export function logger(): Logger {
  instance ??= pino({
    name: "gemba-web",
    level: webEnv().LOG_LEVEL,
    // Secrets must never reach a log line, even nested inside an error object.
    redact: ["*.password", "*.passwordHash", "*.secret", "*.token", "*.connectionString"],
  });
  return instance;
}
