import Link from "next/link";
import { TimeAgo } from "~/components/ui/time-ago";
import { formatDateTime } from "~/lib/format";
import styles from "./dead-letters.module.css";
import type { TDeadLetter } from "./types";

const stages: Record<string, { label: string; explanation: string }> = {
  decode: { label: "Decode", explanation: "The message could not be read (bytes, protobuf or JSON)." },
  mapping: {
    label: "Mapping",
    explanation: "Read, but no rule maps it to a work center, or the rule's value did not fit.",
  },
  validation: { label: "Validation", explanation: "Mapped, but the resulting event was not valid." },
};

/** The stored payload, pretty-printed when it is whole JSON (previews of large payloads are cut). */
function prettyPayload(preview: string): string {
  try {
    return JSON.stringify(JSON.parse(preview), null, 2);
  } catch {
    return preview;
  }
}

type TDeadLetterRowProps = {
  letter: TDeadLetter;
  timeZone: string;
  showConnector: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
};

export function DeadLetterRow({ letter, timeZone, showConnector, selected, onSelect }: TDeadLetterRowProps) {
  const stage = stages[letter.stage] ?? { label: letter.stage, explanation: "" };
  const handled = letter.resolvedAt !== null;
  return (
    <tr data-handled={handled || undefined} className={handled ? styles.handledRow : undefined}>
      <td className={styles.checkCell}>
        {handled ? null : (
          <input
            type="checkbox"
            aria-label={`Select dead letter received ${formatDateTime(letter.receivedAt, timeZone)}`}
            checked={selected}
            onChange={(event) => onSelect(event.target.checked)}
          />
        )}
      </td>
      <td className="nowrap">
        <div className="cell-stack">
          <TimeAgo value={letter.receivedAt} timeZone={timeZone} />
          {handled ? <small>{letter.retriedAt ? "Retried" : "Dismissed"}</small> : null}
        </div>
      </td>
      {showConnector ? (
        <td>
          {letter.connectorId ? (
            <Link href={`/admin/connectors/${letter.connectorId}`}>{letter.connectorName ?? "Connector"}</Link>
          ) : (
            <span className="subtle">{letter.sourceId}</span>
          )}
        </td>
      ) : null}
      <td>
        <span className="badge" title={stage.explanation}>
          {stage.label}
        </span>
      </td>
      <td className={styles.reasonCell}>{letter.reason}</td>
      <td className={styles.payloadCell}>
        <details className={styles.payload}>
          <summary>Show payload</summary>
          <pre className={styles.payloadCode}>{prettyPayload(letter.payloadPreview)}</pre>
        </details>
      </td>
    </tr>
  );
}
