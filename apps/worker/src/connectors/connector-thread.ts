import { parentPort, workerData } from "node:worker_threads";
import type { TAnyConnectorDefinition, TConnectorOutput } from "@gemba/connectors/framework/definition";
import type { TThreadCommand, TThreadMessage, TThreadStart } from "./thread-protocol";

/**
 * Runs one streaming connector in its own thread: whatever it does wrong (an exception thrown
 * from a library callback, an endless loop) ends this thread only, and the supervisor restarts it.
 */
async function runConnectorThread(start: TThreadStart): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("connector-thread must run as a worker thread");
  const send = (message: TThreadMessage) => port.postMessage(message);
  const definitions = (await import(start.definitionsModule)) as {
    connectorDefinition: (kind: string) => TAnyConnectorDefinition;
  };
  const definition = definitions.connectorDefinition(start.kind);
  if (!definition.stream) throw new Error(`Connector kind ${start.kind} has no streaming runtime.`);

  const output: TConnectorOutput = {
    events: (events) => send({ type: "events", events: [...events] }),
    rejected: (input) => send({ type: "rejected", input }),
    status: (status, detail) => send({ type: "status", status, ...(detail === undefined ? {} : { detail }) }),
    error: (message) => send({ type: "error", message }),
  };
  const connector = definition.stream(start.context, output);

  port.on("message", (command: TThreadCommand) => {
    if (command.type !== "stop") return;
    connector
      .stop()
      .catch((error: unknown) => send({ type: "error", message: `stopping: ${errorText(error)}` }))
      .finally(() => {
        send({ type: "stopped" });
        port.close();
      });
  });
  await connector.start();
  send({ type: "started" });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

await runConnectorThread(workerData.start as TThreadStart);
