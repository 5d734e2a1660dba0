import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { inheritedEnv } from "./env";

/** The full path of a program on PATH, or undefined when it is not installed. */
export function findExecutable(name: string): string | undefined {
  const extensions = process.platform === "win32" ? [".exe", ".cmd", ""] : [""];
  for (const dir of (inheritedEnv().PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = join(dir, name + extension);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
