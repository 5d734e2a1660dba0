import { Alert } from "~/components/ui/alert";
import styles from "./editor.module.css";

type TTestResultProps = { result: { ok: boolean; summary: string; details: string[] } };

/** "Test connection": one sentence, then the facts behind it; commands and multi-line text as code. */
export function TestResult({ result }: TTestResultProps) {
  return (
    <Alert tone={result.ok ? "success" : "danger"} className={styles.testResult}>
      <p>
        <strong>{result.ok ? "Connection works." : "Connection failed."}</strong> {result.summary}
      </p>
      {result.details.length > 0 ? (
        <ul className={styles.testDetails}>
          {result.details.map((detail) => {
            const [first, ...rest] = detail.split("\n");
            return (
              <li key={detail}>
                {first}
                {rest.length > 0 ? <pre className={styles.testCode}>{rest.join("\n")}</pre> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Alert>
  );
}
