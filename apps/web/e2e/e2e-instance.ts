/**
 * Which browser-test instance this is. One machine may run several at once (each with its own
 * E2E_PORT and NEXT_DIST_DIR): every instance gets its own port pair, database and build.
 */
export const E2E_PORT = Number(process.env.E2E_PORT || 3210);

/** The instance's database: the default instance keeps the historical name. */
export function e2eDatabaseName(port: number = E2E_PORT): string {
  return port === 3210 ? "gemba_e2e" : `gemba_e2e_${port}`;
}
