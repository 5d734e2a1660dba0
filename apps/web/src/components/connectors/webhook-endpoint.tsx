"use client";

import { useEffect, useState } from "react";
import { CheckIcon, CopyIcon } from "~/components/ui/icons";
import styles from "./connectors.module.css";

type TWebhookEndpointProps = { connectorId: string; description: string };

const EXAMPLE_URL = "https://<gemba-host>/api/ingest/<connector id>";

/** The kind's description holds the signing rules and an example request; this connector's URL goes in. */
function signingInstructions(description: string, url: string) {
  const [prose = "", example] = description.split("Example:\n");
  const start = prose.indexOf("Every delivery");
  const rules = start >= 0 ? prose.slice(start) : prose;
  const [signing = "", answers] = rules.split(" Answers: ");
  return {
    signing: signing.trim(),
    answers: answers ? `Answers: ${answers.trim()}` : null,
    example: example ? example.replaceAll(EXAMPLE_URL, url).trim() : null,
  };
}

/** Where senders post, with a copy button, and how they must sign each delivery. */
export function WebhookEndpoint({ connectorId, description }: TWebhookEndpointProps) {
  const path = `/api/ingest/${connectorId}`;
  // The origin is only known in the browser; the server render shows the path alone.
  const [origin, setOrigin] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const url = `${origin}${path}`;
  const instructions = signingInstructions(description, url);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard access can be blocked (plain http, kiosk policies): selecting lets the user copy by hand.
      document.getElementById("webhook-url")?.focus();
    }
  }

  return (
    <section className="card" aria-labelledby="webhook-title">
      <div className="card-header">
        <div>
          <h2 id="webhook-title">Endpoint</h2>
          <p>Give this address and the webhook secret to the sending system.</p>
        </div>
      </div>
      <div className={`card-body ${styles.webhookBody}`}>
        <div className="field">
          <label className="field-label" htmlFor="webhook-url">
            Webhook URL (POST)
          </label>
          <div className={styles.copyRow}>
            <input
              id="webhook-url"
              className="input mono"
              value={url}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" className="btn" onClick={copy}>
              {copied ? <CheckIcon /> : <CopyIcon />}
              {copied ? "Copied" : "Copy URL"}
            </button>
          </div>
        </div>
        <div className={styles.instructions}>
          <h3 className={styles.sectionLabel}>Signing every delivery</h3>
          <p>{instructions.signing}</p>
          {instructions.answers ? <p>{instructions.answers}</p> : null}
          {instructions.example ? (
            <>
              <p>Try it from a shell, with the secret in $GEMBA_WEBHOOK_SECRET:</p>
              <pre className={styles.code}>{instructions.example}</pre>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}
