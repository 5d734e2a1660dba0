import { Alert } from "~/components/ui/alert";
import type { TRouterOutputs } from "~/lib/api-types";
import { formatNumber } from "~/lib/format";
import styles from "./csv-upload.module.css";

export type TUploadResult = TRouterOutputs["connectors"]["uploadCsv"];

type TUploadResultProps = { fileName: string; result: TUploadResult };

const COUNTED = ["created", "updated", "unchanged", "rejected"] as const;

const plural = (count: number, noun: string) => `${formatNumber(count)} ${noun}${count === 1 ? "" : "s"}`;

function headline(fileName: string, result: TUploadResult) {
  const { counts } = result;
  const noun = result.kind === "orders" ? "order line" : "product line";
  const read = plural(counts.read ?? 0, noun);
  const rejected = counts.rejected ?? 0;
  if (rejected === 0) return { tone: "success", text: `${fileName} imported: ${read} read.` } as const;
  const imported = (counts.created ?? 0) + (counts.updated ?? 0) + (counts.unchanged ?? 0);
  if (imported === 0)
    return { tone: "danger", text: `Nothing imported from ${fileName}: every line was rejected.` } as const;
  return { tone: "warning", text: `${fileName}: ${read} read, ${formatNumber(rejected)} rejected.` } as const;
}

/** What an upload did: counts in words, every rejected line with its number, and work centers to map. */
export function UploadResult({ fileName, result }: TUploadResultProps) {
  const { tone, text } = headline(fileName, result);
  const unmapped = result.unmappedWorkCenters;
  return (
    <div className={styles.result}>
      <Alert tone={tone}>
        <p>
          <strong>{text}</strong>
        </p>
        <ul className={styles.counts} aria-label="Counts">
          {COUNTED.map((key) => (
            <li key={key} data-key={key} data-zero={(result.counts[key] ?? 0) === 0 || undefined}>
              <span className={styles.countValue}>{formatNumber(result.counts[key] ?? 0)}</span> {key}
            </li>
          ))}
        </ul>
      </Alert>

      {result.rejected.length > 0 ? (
        <section className={styles.rejectedSection} aria-labelledby="csv-rejected-title">
          <h3 id="csv-rejected-title" className={styles.subTitle}>
            Rejected lines ({formatNumber(result.rejected.length)})
          </h3>
          <p className="field-hint">
            Fix these lines in the file and upload it again: the lines already imported stay as they are.
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long list scrolls; keyboard users need to reach it to scroll it. */}
          <section className={styles.rejectedScroll} tabIndex={0} aria-label="Rejected lines, by line number">
            <ol className={styles.rejectedList}>
              {result.rejected.map((line) => (
                <li key={`${line.line}-${line.reason}`}>
                  <span className={styles.lineNumber}>Line {line.line}</span>
                  <span className={styles.reason}>{line.reason}</span>
                </li>
              ))}
            </ol>
          </section>
        </section>
      ) : null}

      {unmapped.length > 0 ? (
        <Alert tone="warning">
          <p>
            <strong>
              {unmapped.length === 1 ? "One work center" : `${unmapped.length} work centers`} in the file{" "}
              {unmapped.length === 1 ? "is" : "are"} not mapped;
            </strong>{" "}
            those orders were stored without a work center:
          </p>
          <ul className={styles.unmappedList}>
            {unmapped.map((note) => (
              <li key={note.code}>
                <span className="mono">{note.code}</span> ({plural(note.orders, "order")})
                {note.problem === "not mapped" ? null : ", mapped to a work center that no longer exists"}
              </li>
            ))}
          </ul>
          <p>
            Add {unmapped.length === 1 ? "it" : "them"} under <a href="#cfg-workCenters">Work centers</a> in the
            settings below, save, and upload the file again.
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
