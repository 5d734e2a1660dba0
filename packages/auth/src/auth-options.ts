import type { PrismaClient } from "@gemba/db/client";
import { isAppError } from "@gemba/domain/errors";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { clientIpFrom } from "./client-ip";
import { createUserSession, revokeUserSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { findUserForSingleSignOn, signInWithPassword } from "./sign-in";

export type SingleSignOnConfig = {
  /** OpenID Connect issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0 or https://<org>.okta.com */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button: "Sign in with Microsoft Entra ID". */
  displayName: string;
};

export type AuthConfig = {
  db: PrismaClient;
  secret: string;
  singleSignOn: SingleSignOnConfig | null;
  /** The signing-in browser, recorded on the session so people can recognise their devices. */
  requestInfo: () => Promise<{ userAgent: string | null; ip: string }>;
};

export const SSO_PROVIDER_ID = "oidc";

const ZCredentials = z.object({ email: z.string().min(1), password: z.string().min(1) });
const ZOidcProfile = z.object({ sub: z.string(), email: z.string().optional(), name: z.string().optional() });
/** What our JWT carries: the session row id and the user id, nothing that could go stale. */
const ZToken = z.object({ sid: z.string(), uid: z.string() });

export function createAuthOptions(config: AuthConfig): NextAuthOptions {
  const { db } = config;
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your email and password.");
        try {
          return await signInWithPassword(db, { ...parsed.data, ip: clientIpFrom(req.headers ?? {}) });
        } catch (error) {
          // next-auth hands the message of a thrown Error to the sign-in form.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ];
  if (config.singleSignOn) providers.push(createOidcProvider(config.singleSignOn));

  return {
    secret: config.secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        const email = ZOidcProfile.safeParse(profile).data?.email;
        const user = email ? await findUserForSingleSignOn(db, email) : null;
        return user ? true : "/signin?error=NotInvited";
      },
      async jwt({ token, user, account, profile }) {
        if (!user) return token;
        // First call after a successful sign-in: open a server-side session row.
        let userId = user.id;
        if (account?.provider === SSO_PROVIDER_ID) {
          const email = ZOidcProfile.safeParse(profile).data?.email ?? "";
          const known = await findUserForSingleSignOn(db, email);
          if (!known) throw new Error("NotInvited");
          userId = known.id;
        }
        const sid = await createUserSession(db, { userId, ...(await config.requestInfo()) });
        return { ...token, sid, uid: userId };
      },
      async session({ session, token }) {
        const parsed = ZToken.safeParse(token);
        return { ...session, sessionId: parsed.success ? parsed.data.sid : null };
      },
    },
    events: {
      async signOut({ token }) {
        const parsed = ZToken.safeParse(token);
        if (parsed.success) await revokeUserSession(db, parsed.data.sid);
      },
    },
  };
}

function createOidcProvider(sso: SingleSignOnConfig): OAuthConfig<Record<string, unknown>> {
  return {
    id: SSO_PROVIDER_ID,
    name: sso.displayName,
    type: "oauth",
    wellKnown: `${sso.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: sso.clientId,
    clientSecret: sso.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      const parsed = ZOidcProfile.parse(profile);
      return { id: parsed.sub, email: parsed.email ?? null, name: parsed.name ?? parsed.email ?? null };
    },
  };
}

/** Reads the session row id from what next-auth's getServerSession returned. */
export function sessionIdFrom(session: unknown): string | null {
  const parsed = z.object({ sessionId: z.string() }).safeParse(session);
  return parsed.success ? parsed.data.sessionId : null;
}
