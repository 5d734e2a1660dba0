import { readFile, unlink, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { errorCode, LauncherError } from "./errors";
import { commandLineOf, isAlive } from "./pids";
import { printStep } from "./print";

// .gemba/launcher.json: which launcher runs from this data directory, and the process groups
// it started. A launcher killed outright (kill -9, OOM) cannot stop its web app and worker; the
// next one finds them here and stops them before starting its own.

const ZLockEntry = z.object({ pid: z.number().int(), commandLine: z.string() });
const ZLock = z.object({ launcher: ZLockEntry, children: z.array(ZLockEntry).default([]) });
type TLock = z.infer<typeof ZLock>;

async function readLock(file: string): Promise<TLock | undefined> {
  try {
    const parsed = ZLock.safeParse(JSON.parse(await readFile(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    if (errorCode(error) === "ENOENT" || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Still the same process: alive and with the command line recorded (not a reused pid). */
function stillRunning(entry: z.infer<typeof ZLockEntry>): boolean {
  return isAlive(entry.pid) && commandLineOf(entry.pid) === entry.commandLine;
}

/** The pid of a launcher (start or seed) already running from this data directory, if any. */
export async function runningLauncher(file: string): Promise<number | undefined> {
  const lock = await readLock(file);
  if (!lock || lock.launcher.pid === process.pid) return undefined;
  return stillRunning(lock.launcher) ? lock.launcher.pid : undefined;
}

export type LauncherLock = {
  /** Records a child's process group, so a successor can stop it if this launcher is killed. */
  recordChild: (pid: number) => Promise<void>;
  release: () => Promise<void>;
};

/** Claims the data directory for this launcher, after stopping what a killed predecessor left. */
export async function acquireLauncherLock(file: string): Promise<LauncherLock> {
  const previous = await readLock(file);
  if (previous && previous.launcher.pid !== process.pid) {
    if (stillRunning(previous.launcher)) {
      const pid = previous.launcher.pid;
      throw new LauncherError(
        `Gemba is already running from this folder (process ${pid}). Stop it first (Ctrl+C in its terminal, or \`kill ${pid}\`).`,
      );
    }
    await stopLeftovers(previous.children.filter(stillRunning));
  }
  const lock: TLock = { launcher: entryFor(process.pid), children: [] };
  await writeFile(file, JSON.stringify(lock));
  return {
    recordChild: async (pid) => {
      if (pid <= 0) return;
      lock.children.push(entryFor(pid));
      await writeFile(file, JSON.stringify(lock));
    },
    release: async () => {
      if ((await readLock(file))?.launcher.pid === process.pid) await unlink(file).catch(() => undefined);
    },
  };
}

function entryFor(pid: number): z.infer<typeof ZLockEntry> {
  return { pid, commandLine: commandLineOf(pid) ?? "" };
}

async function stopLeftovers(children: z.infer<typeof ZLockEntry>[]): Promise<void> {
  if (children.length === 0) return;
  printStep("cleanup", `stopping ${children.length} process group(s) left by a launcher that was killed`);
  const signalGroup = (pid: number, signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  for (const child of children) signalGroup(child.pid, "SIGTERM");
  for (let waited = 0; waited < 10_000 && children.some((child) => isAlive(child.pid)); waited += 200) {
    await sleep(200);
  }
  for (const child of children) signalGroup(child.pid, "SIGKILL");
}
