"use client";

import Link from "next/link";
import { AlertIcon } from "./icons";

type TErrorPanelProps = { error: unknown; retry: () => void; homeHref?: string };

/** What every error boundary shows: what happened, what to do, and a reference for support. */
export function ErrorPanel({ error, retry, homeHref = "/" }: TErrorPanelProps) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <div className="card">
      <div className="empty" role="alert">
        <div className="empty-icon">
          <AlertIcon size={22} />
        </div>
        <h3>This page could not load</h3>
        <p>
          Check the network connection, then try again. If it keeps happening, tell your admin
          {digest ? (
            <>
              {" "}
              and mention reference <code>{digest}</code>
            </>
          ) : null}
          .
        </p>
        <div className="empty-action page-actions">
          <button type="button" className="btn btn-primary" onClick={retry}>
            Try again
          </button>
          <Link href={homeHref} className="btn">
            Go to start page
          </Link>
        </div>
      </div>
    </div>
  );
}
