import { type AppErrorCode, isAppError } from "@gemba/domain/errors";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { DefaultErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { ZodError } from "zod";

export const trpcCodeFor: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export type ErrorData = DefaultErrorShape["data"] & {
  appCode: AppErrorCode | null;
  fieldErrors: Record<string, string[]> | null;
};

/**
 * The one place service errors become transport errors. Users see the AppError's message or
 * the validation issues; anything unexpected becomes a generic message (the detail goes to
 * the server log), never a stack trace.
 */
export function formatError({
  shape,
  error,
}: {
  shape: DefaultErrorShape;
  error: { cause?: unknown; code: TRPC_ERROR_CODE_KEY; message: string };
}): DefaultErrorShape & { data: ErrorData } {
  const cause = error.cause;
  if (isAppError(cause)) {
    return {
      ...shape,
      message: cause.message,
      data: { ...shape.data, stack: undefined, appCode: cause.code, fieldErrors: null },
    };
  }
  if (cause instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of cause.issues) {
      const key = issue.path.join(".") || "_";
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    return {
      ...shape,
      message: "Some fields need attention.",
      data: { ...shape.data, stack: undefined, appCode: "BAD_REQUEST", fieldErrors },
    };
  }
  const internal = error.code === "INTERNAL_SERVER_ERROR";
  return {
    ...shape,
    message: internal ? "Something went wrong on our side. Try again; if it persists, tell your admin." : shape.message,
    data: { ...shape.data, stack: undefined, appCode: null, fieldErrors: null },
  };
}
