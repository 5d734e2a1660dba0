import type { TAnyConnectorDefinition } from "@gemba/connectors/framework/definition";
import { connectorDefinition as realDefinition } from "@gemba/connectors/framework/registry";

/**
 * Definitions for the crash-isolation test: the real ones, except that a Sparkplug connector
 * subscribed to a group named "crash-…" throws from a timer callback once started — the kind
 * of uncaught exception a protocol library can raise — which must end only its own thread.
 */
export function connectorDefinition(kind: string): TAnyConnectorDefinition {
  const real = realDefinition(kind);
  if (kind !== "MQTT_SPARKPLUG" || !real.stream) return real;
  const stream = real.stream;
  return {
    ...real,
    stream: (context, output) => {
      const inner = stream(context, output);
      const crashes = (context.config as { groups: string[] }).groups.some((group) => group.startsWith("crash-"));
      return {
        start: async () => {
          await inner.start();
          if (crashes) {
            setTimeout(() => {
              throw new Error("simulated crash inside the connector");
            }, 200);
          }
        },
        stop: inner.stop,
      };
    },
  };
}
