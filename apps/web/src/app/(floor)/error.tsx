"use client";

import { ErrorPanel } from "~/components/ui/error-panel";

export default function FloorError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="page">
      <ErrorPanel error={error} retry={retry} homeHref="/floor" />
    </div>
  );
}
