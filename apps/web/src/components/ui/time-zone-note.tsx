/** Says which clock the times on a page follow; plants and their managers are often in different zones. */
export function TimeZoneNote({ timeZone, mixed = false }: { timeZone: string; mixed?: boolean }) {
  return (
    <span
      className="subtle"
      title={mixed ? "Your sites are in different time zones; this page uses the first site's." : undefined}
    >
      Times in {timeZone.replaceAll("_", " ")}
      {mixed ? " (first site)" : ""}
    </span>
  );
}
