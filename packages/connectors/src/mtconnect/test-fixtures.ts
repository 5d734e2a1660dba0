import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Real probe documents, shared by the repositories in `/work/shared` (a sibling of the repo root). */
export function readSharedProbeFixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, "../../../../../shared/fixtures/mtconnect", name), "utf8");
}

/** Streams and error documents written for these tests, consistent with the probe fixtures. */
export function readStreamsFixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, "fixtures", name), "utf8");
}
