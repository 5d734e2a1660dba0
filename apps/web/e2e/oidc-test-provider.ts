import type { Server } from "node:http";
import Provider from "oidc-provider";

export const OIDC_CLIENT_ID = "gemba-e2e";
export const OIDC_CLIENT_SECRET = "gemba-e2e-client-secret-not-for-production";
/** The domain every account of this test identity provider has an email address in. */
export const OIDC_EMAIL_DOMAIN = "demo.gemba.app";

/**
 * A real OpenID Connect provider (panva/oidc-provider, the certified implementation) standing
 * in for Entra ID or Okta. Its development login page accepts any login name; the account's
 * email is `<login>@demo.gemba.app`, so "manager" is an invited Gemba user and "stranger" is not.
 */
export async function startOidcTestProvider(options: { port: number; redirectUri: string }): Promise<Server> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_context, accountId) => ({
      accountId,
      claims: async () => ({
        sub: accountId,
        email: `${accountId}@${OIDC_EMAIL_DOMAIN}`,
        email_verified: true,
        name: `SSO ${accountId}`,
      }),
    }),
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    cookies: { keys: ["gemba-e2e-oidc-cookie-key"] },
  });
  // Plain HTTP on loopback: the provider must not insist on TLS-only cookies.
  provider.proxy = false;
  return new Promise((resolve) => {
    const server = provider.listen(options.port, "127.0.0.1", () => resolve(server));
  });
}
