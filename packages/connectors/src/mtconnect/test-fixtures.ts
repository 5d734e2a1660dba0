import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Real probe documents of the MTConnect reference agent (see fixtures/reference-agent/README.md). */
export function readSharedProbeFixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, "fixtures/reference-agent", name), "utf8");
}

/** Streams and error documents written for these tests, consistent with the probe fixtures. */
export function readStreamsFixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, "fixtures", name), "utf8");
}
