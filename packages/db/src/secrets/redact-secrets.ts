/**
 * Edit forms show which secrets a connector has without ever sending them to the browser:
 * the API returns `describeSecretFields`, and the form sends back only the fields the user
 * touched, which `mergeSecretUpdates` applies to the decrypted existing secrets.
 */

/** `{ password: "set" }` for every field holding a non-empty secret; values never leave. */
export function describeSecretFields(plaintext: Record<string, string>): Record<string, "set"> {
  // fromEntries defines own properties, so a field named "__proto__" stays a plain field.
  return Object.fromEntries(
    Object.entries(plaintext)
      .filter(([, value]) => value !== "")
      .map(([field]) => [field, "set" as const]),
  );
}

/**
 * For each update: `undefined` keeps the existing secret (the field was left blank in the
 * form), `""` clears it, any other string replaces it. Returns a new record.
 */
export function mergeSecretUpdates(
  existing: Record<string, string>,
  updates: Record<string, string | undefined>,
): Record<string, string> {
  const merged = new Map(Object.entries(existing));
  for (const [field, value] of Object.entries(updates)) {
    if (value === undefined) continue;
    if (value === "") merged.delete(field);
    else merged.set(field, value);
  }
  return Object.fromEntries(merged);
}
