import { TRPCClientError } from "@trpc/client";
import type { TSendFailure } from "./queue-types";

const WAITING = "Waiting for the connection to send.";

/**
 * What a failed send means for the action. No server answer at all (the fetch failed, or a proxy
 * answered with something that is not the API) is a connection problem: keep it. 401 means the
 * session ended: keep it for when the same person signs in. 408, 429 and 5xx are the server
 * being busy: keep it. Any other 4xx is the API refusing this action for good: show its message.
 */
export function classifySendError(error: unknown): TSendFailure {
  if (!(error instanceof TRPCClientError)) return { kind: "offline", message: WAITING };
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null) return { kind: "offline", message: WAITING };
  const { httpStatus, code } = data as { httpStatus?: unknown; code?: unknown };
  const status = typeof httpStatus === "number" ? httpStatus : 500;
  if (code === "UNAUTHORIZED" || status === 401) {
    return { kind: "signed-out", message: "Your session ended. Sign in again to send." };
  }
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: "transient", message: "The server is busy. It will be sent again shortly." };
  }
  return { kind: "rejected", message: error.message || "The server refused this action." };
}
