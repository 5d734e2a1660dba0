import type { Database } from "@gemba/db/client";
import type { TJobName, TJobPayload } from "@gemba/jobs/catalog";
import type { Logger } from "pino";

export type JobContext = { db: Database; log: Logger };

export type JobHandler<N extends TJobName> = (payload: TJobPayload<N>, context: JobContext) => Promise<unknown>;

/** One handler per catalog entry: adding a job without its handler fails to compile. */
export type HandlerMap = { [N in TJobName]: JobHandler<N> };
