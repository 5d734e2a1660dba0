import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { errorCode } from "./errors";
import { formatLogLine } from "./log-lines";
import { colors, type Paint, printWarning } from "./print";

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null };

export type ChildSpec = {
  /** Shown before every output line (`web │ …`) and in messages about the child. */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** "prefixed": each line labelled and colored; "inherit": the child writes to the terminal itself. */
  output: "prefixed" | "inherit";
  paint?: Paint;
};

export type ManagedChild = {
  name: string;
  pid: number;
  exited: Promise<ExitInfo>;
  isRunning: () => boolean;
  /** SIGTERM to the child's whole process group, SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<ExitInfo>;
};

const isWindows = process.platform === "win32";
// Longer than the worker's own 20 s wait for active jobs, so it is never killed mid-job.
export const STOP_GRACE_MS = 25_000;
const LABEL_WIDTH = 7;

/**
 * Starts a child in its own process group (pnpm → sh → next is three processes; signalling the
 * group reaches all of them, and a terminal's Ctrl+C reaches none of them directly).
 */
export function spawnManaged(spec: ChildSpec): ManagedChild {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    detached: !isWindows,
    shell: isWindows,
    stdio: spec.output === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  let running = true;
  let stopping = false;
  if (spec.output === "prefixed") pipePrefixed(child, spec.name, spec.paint ?? colors().dim, () => stopping);

  const exited = new Promise<ExitInfo>((resolve) => {
    child.once("error", (error) => {
      running = false;
      printWarning(`${spec.name}: could not run ${spec.command}: ${error.message}`);
      resolve({ code: 127, signal: null });
    });
    child.once("exit", (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  const pid = child.pid ?? -1;

  const stop = async (graceMs = STOP_GRACE_MS): Promise<ExitInfo> => {
    if (!running && !groupAlive(pid)) return exited;
    stopping = true;
    signalTree(child, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && (running || groupAlive(pid))) await sleep(100);
    if (running || groupAlive(pid)) {
      printWarning(`${spec.name} did not stop within ${Math.round(graceMs / 1000)} s; killing it.`);
      signalTree(child, "SIGKILL");
    }
    return exited;
  };

  return { name: spec.name, pid, exited, isRunning: () => running, stop };
}

/** Runs a command to completion with the terminal's output; stopped with the launcher. */
export async function runToCompletion(
  spec: Omit<ChildSpec, "output">,
  onStart?: (child: ManagedChild) => () => void,
): Promise<ExitInfo> {
  const child = spawnManaged({ ...spec, output: "inherit" });
  const release = onStart?.(child);
  try {
    return await child.exited;
  } finally {
    release?.();
  }
}

export function describeExit(info: ExitInfo): string {
  if (info.signal) return `was stopped by ${info.signal}`;
  return `exited with code ${info.code ?? "unknown"}`;
}

// What pnpm says when the script it runs is stopped on purpose: noise during a shutdown.
const PNPM_STOP_NOISE =
  /ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL|ELIFECYCLE|^Command failed with signal "SIG(TERM|INT)"|^\S+:$/;

function pipePrefixed(child: ChildProcess, name: string, paint: Paint, stopping: () => boolean): void {
  const label = `${paint(name.padEnd(LABEL_WIDTH))}${colors().dim("│")} `;
  for (const [stream, target] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    lines.on("line", (line) => {
      if (stopping() && PNPM_STOP_NOISE.test(line)) return;
      for (const part of formatLogLine(line, colors()).split("\n")) target.write(`${label}${part}\n`);
    });
  }
}

function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (isWindows) {
    // No process groups on Windows: taskkill /T walks the tree.
    spawn("taskkill", ["/pid", String(child.pid), "/T", ...(signal === "SIGKILL" ? ["/F"] : [])], { stdio: "ignore" });
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  if (isWindows || pid <= 0) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}
