import { TRPCClientError } from "@trpc/client";

const FALLBACK = "Something went wrong. Check your connection and try again.";

type TErrorData = { fieldErrors?: Record<string, string[]> | null };

function dataOf(error: unknown): TErrorData | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  return typeof data === "object" && data !== null ? (data as TErrorData) : null;
}

/**
 * The API's message, written for users. Errors without a server shape (no `data`) never reached
 * the API — offline, Wi-Fi drop — and get a message of our own instead of the browser's.
 */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && dataOf(error) !== null && error.message) return error.message;
  return FALLBACK;
}

/** Validation messages per field, e.g. { email: ["Enter a valid email address."] }. */
export function apiFieldErrors(error: unknown): Record<string, string[]> {
  return dataOf(error)?.fieldErrors ?? {};
}

export function apiErrorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null || !("code" in data)) return null;
  return typeof data.code === "string" ? data.code : null;
}
