import "server-only";
import { createAuthOptions, sessionIdFrom } from "@gemba/auth/auth-options";
import { clientIpFrom } from "@gemba/auth/client-ip";
import { type ActiveSession, resolveUserSession } from "@gemba/auth/sessions";
import { headers } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth/next";
import { cache } from "react";
import { database } from "./db";
import { webEnv } from "./env";

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (options) return options;
  const env = webEnv();
  options = createAuthOptions({
    db: database().prisma,
    secret: env.NEXTAUTH_SECRET,
    singleSignOn:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            displayName: env.OIDC_DISPLAY_NAME,
          }
        : null,
    requestInfo: async () => {
      const requestHeaders = await headers();
      return { userAgent: requestHeaders.get("user-agent"), ip: clientIpFrom(requestHeaders) };
    },
  });
  return options;
}

export function singleSignOnName(): string | null {
  const env = webEnv();
  return env.OIDC_ISSUER ? env.OIDC_DISPLAY_NAME : null;
}

/**
 * The signed-in session for this request, checked against its database row, once per request
 * (React's cache dedupes calls from layouts, pages and the tRPC context).
 */
export const currentSession = cache(async (): Promise<ActiveSession | null> => {
  const sessionId = sessionIdFrom(await getServerSession(authOptions()));
  return sessionId ? resolveUserSession(database().prisma, sessionId) : null;
});
