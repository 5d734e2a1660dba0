/** Emails are compared and stored lower-case and trimmed, so "Ana@Plant.com " is one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
