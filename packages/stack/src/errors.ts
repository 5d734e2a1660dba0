import { printError } from "./print";

/** An error whose message is written for the person at the terminal: printed without a stack. */
export class LauncherError extends Error {}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The `code` of a Node system error (ENOENT, ESRCH, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** Launcher errors are sentences for the user; anything else is a bug and keeps its stack. */
export function reportError(error: unknown): void {
  if (error instanceof LauncherError) {
    printError(error.message);
    return;
  }
  printError(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
