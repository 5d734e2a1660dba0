import { colors, print, printError } from "./print";

type Cleanup = { name: string; run: () => Promise<void> };

const signalExitCodes: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Owns the launcher's exit: everything it starts registers a cleanup here, and every way out
 * (Ctrl+C, SIGTERM, a child dying, an error, the parent vanishing) runs them once, newest first,
 * so the web app and worker stop before the Postgres and Redis they use.
 */
export class Lifecycle {
  private readonly cleanups: Cleanup[] = [];
  private exiting: Promise<never> | undefined;

  /** Registers a cleanup; returns a function that removes it again (for work that finished on its own). */
  defer(name: string, run: () => Promise<void>): () => void {
    const cleanup = { name, run };
    this.cleanups.push(cleanup);
    return () => {
      const index = this.cleanups.indexOf(cleanup);
      if (index >= 0) this.cleanups.splice(index, 1);
    };
  }

  get isExiting(): boolean {
    return this.exiting !== undefined;
  }

  handleSignals(): void {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => {
        if (this.exiting) return;
        print();
        print(colors().dim(`${signal} received, stopping Gemba…`));
        void this.exit(signalExitCodes[signal] ?? 1);
      });
    }
  }

  /**
   * The bootstrap runs the launcher in its own process group, so a terminal's Ctrl+C reaches only
   * the bootstrap, which forwards it. If the bootstrap is killed outright, nothing would be
   * forwarded: notice the new parent and stop anyway instead of leaving Postgres running.
   */
  watchParent(): void {
    const parent = process.ppid;
    const timer = setInterval(() => {
      if (process.ppid !== parent && !this.exiting) {
        printError("the process that started Gemba went away; stopping.");
        void this.exit(1);
      }
    }, 1_000);
    timer.unref();
  }

  exit(code: number): Promise<never> {
    this.exiting ??= this.runCleanups().then(() => process.exit(code));
    return this.exiting;
  }

  private async runCleanups(): Promise<void> {
    while (this.cleanups.length > 0) {
      const cleanup = this.cleanups.pop();
      if (!cleanup) break;
      try {
        await cleanup.run();
      } catch (error) {
        printError(`stopping ${cleanup.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
