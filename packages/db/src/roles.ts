/** The role the application connects as: owns nothing, cannot bypass row-level security. */
export const APP_ROLE = "gemba_app";

/**
 * The application's connection string: the owner's URL with the application role's
 * credentials. Used when no separate APP_DATABASE_URL is configured.
 */
export function deriveAppDatabaseUrl(ownerUrl: string, appRolePassword: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appRolePassword;
  return url.toString();
}
