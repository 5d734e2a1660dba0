// Entry of a connector's worker thread. Threads do not inherit the TypeScript loader of the
// main thread, so register it here before loading the real (TypeScript) entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
