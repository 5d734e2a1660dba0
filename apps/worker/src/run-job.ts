import { jobCatalog, parseJobPayload, type TJobName } from "@gemba/jobs/catalog";
import { type Job, UnrecoverableError } from "bullmq";
import { ZodError } from "zod";
import { handlers } from "./handlers";
import type { JobContext } from "./handlers/types";

function isJobName(name: string): name is TJobName {
  return Object.hasOwn(jobCatalog, name);
}

/**
 * Dispatches a job to its handler. A job we do not know or whose payload is invalid can never
 * succeed on retry, so it fails permanently (UnrecoverableError) and stays visible in the
 * failed set instead of burning attempts.
 */
export async function runJob(job: Job, context: Omit<JobContext, "jobId">): Promise<unknown> {
  if (!isJobName(job.name)) throw new UnrecoverableError(`No handler for job "${job.name}".`);
  let payload: ReturnType<typeof parseJobPayload>;
  try {
    payload = parseJobPayload(job.name, job.data);
  } catch (error) {
    if (error instanceof ZodError) throw new UnrecoverableError(`Invalid payload for ${job.name}: ${error.message}`);
    throw error;
  }
  const handler = handlers[job.name] as (payload: unknown, context: JobContext) => Promise<unknown>;
  const jobId = job.id ?? `${job.name}:${job.timestamp}`;
  return handler(payload, { ...context, jobId, log: context.log.child({ jobId, job: job.name }) });
}
