/** Validation messages under a field, from the API (`fieldErrors`) or the form's own checks. */
export function FieldErrors({ messages }: { messages: string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return <span className="field-error">{messages.join(" ")}</span>;
}
