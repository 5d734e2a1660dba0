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
const ZOidcProfile = z.object({
  sub: z.string(),
  email: z.string().optional(),
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
  name: z.string().optional(),
});

/**
 * The person's email as identity providers send it: Okta and most others in `email`; Entra ID
 * often only as the sign-in name (`preferred_username` / `upn`) unless the email claim is configured.
 */
export function emailFromProfile(profile: unknown): string | null {
  const parsed = ZOidcProfile.safeParse(profile);
  if (!parsed.success) return null;
  const candidates = [parsed.data.email, parsed.data.preferred_username, parsed.data.upn];
  return candidates.find((value) => value?.includes("@")) ?? null;
}
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
        const email = emailFromProfile(profile);
        const user = email ? await findUserForSingleSignOn(db, email) : null;
        return user ? true : "/signin?error=NotInvited";
      },
      async jwt({ token, user, account, profile }) {
        if (!user) return token;
        // First call after a successful sign-in: open a server-side session row.
        let userId = user.id;
        if (account?.provider === SSO_PROVIDER_ID) {
          const known = await findUserForSingleSignOn(db, emailFromProfile(profile) ?? "");
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
    // The ID token is validated (signature, issuer, audience, nonce); many providers put the
    // email only in the userinfo response, so the profile is both merged.
    idToken: true,
    checks: ["pkce", "state"],
    userinfo: {
      async request({ tokens, client }) {
        const claims = tokens.id_token ? claimsOf(tokens.id_token) : {};
        const userinfo = tokens.access_token ? await client.userinfo(tokens.access_token) : {};
        return { ...claims, ...userinfo };
      },
    },
    profile(profile) {
      const parsed = ZOidcProfile.parse(profile);
      const email = emailFromProfile(profile);
      return { id: parsed.sub, email, name: parsed.name ?? email };
    },
  };
}

/** The payload of an ID token that openid-client has already validated in the callback. */
function claimsOf(idToken: string): Record<string, unknown> {
  const payload = idToken.split(".")[1] ?? "";
  return z.record(z.string(), z.unknown()).parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
}

/** Reads the session row id from what next-auth's getServerSession returned. */
export function sessionIdFrom(session: unknown): string | null {
  const parsed = z.object({ sessionId: z.string() }).safeParse(session);
  return parsed.success ? parsed.data.sessionId : null;
}
