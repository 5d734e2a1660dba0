/** Several validation messages under one group of fields, one per line. */
export function IssueList({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  if (messages.length === 1) return <span className="field-error">{messages[0]}</span>;
  return (
    <ul className="field-error" style={{ display: "grid", gap: "var(--space-1)" }}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
