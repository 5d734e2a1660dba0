import { ZCsvUploadConfig } from "@gemba/connectors/erp/config";
import { importCsvFile } from "@gemba/connectors/erp/csv-import";
import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { z } from "zod";
import { type ConnectorActor, findConnectorOrThrow } from "./connector-actor";

/** About 100,000 order lines: larger exports should come through the ERP connector. */
const MAX_FILE_CHARS = 10 * 1024 * 1024;
const MESSAGE_PROBLEMS = 20;

export const ZUploadCsvInput = z.object({
  connectorId: z.uuid(),
  kind: z.enum(["orders", "products"]),
  fileName: z.string().trim().min(1).max(260),
  text: z.string().max(MAX_FILE_CHARS, "The file is larger than 10 MB: split it, or connect the ERP directly."),
});

/**
 * Imports an uploaded orders or products file through a CSV connector: good lines are stored
 * (idempotently: the same file twice changes nothing), each bad line comes back with its line
 * number and reason, the run is recorded, and order changes go to ingest as lifecycle events.
 */
export async function uploadCsv(actor: ConnectorActor, input: z.infer<typeof ZUploadCsvInput>) {
  const { tx, tenantId } = actor;
  const connector = await findConnectorOrThrow(actor, input.connectorId);
  if (connector.kind !== "CSV_UPLOAD")
    throw new AppError("BAD_REQUEST", "Files are uploaded through a CSV upload connector.");
  if (!connector.enabled) throw new AppError("BAD_REQUEST", "This connector is paused: resume it to upload files.");
  const config = ZCsvUploadConfig.safeParse(connector.config);
  if (!config.success)
    throw new AppError("BAD_REQUEST", "This connector's settings are invalid: open and save them first.");

  const result = await importCsvFile(tx, {
    sourceId: connector.id,
    kind: input.kind,
    text: input.text,
    config: config.data,
  });
  const problems = result.rejected.slice(0, MESSAGE_PROBLEMS).map((line) => `line ${line.line}: ${line.reason}`);
  const more =
    result.rejected.length > MESSAGE_PROBLEMS ? ` … and ${result.rejected.length - MESSAGE_PROBLEMS} more` : "";
  const run = await tx.connectorRun.create({
    data: {
      tenantId,
      connectorId: connector.id,
      trigger: "upload",
      status: "SUCCEEDED",
      finishedAt: new Date(),
      counts: result.counts,
      message: [`${input.fileName}: ${result.message}`, ...problems].join("\n") + more,
    },
    select: { id: true },
  });
  if (result.events.length > 0) {
    try {
      await enqueueIngestBatch(
        actor.platform.queues,
        { tenantId, connectorId: connector.id, sourceId: connector.id, items: result.events },
        { batchId: `connector-run-${tenantId}-${run.id}-0` },
      );
    } catch (error) {
      throw new AppError("UNAVAILABLE", "The job queue (Redis) is not reachable; nothing was imported. Try again.", {
        cause: error,
      });
    }
  }
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "connector.upload",
    entityType: "Connector",
    entityId: connector.id,
    summary: `Uploaded ${input.fileName} (${input.kind}) to "${connector.name}": ${result.message}`,
  });
  return {
    runId: run.id.toString(),
    kind: result.kind,
    counts: result.counts,
    message: result.message,
    rejected: result.rejected.map(({ line, reason }) => ({ line, reason })),
    unmappedWorkCenters: result.unmappedWorkCenters,
  };
}
