import type { TAnyConnectorDefinition } from "@gemba/connectors/framework/definition";
import { CONNECTOR_DEFINITIONS, CONNECTOR_KINDS, runtimeOf } from "@gemba/connectors/framework/registry";
import { z } from "zod";

export type TSecretField = { key: string; title: string; description?: string; required: boolean };

/** The secret fields of a kind, for the form: names and labels only. */
export function secretFieldsOf(definition: TAnyConnectorDefinition): TSecretField[] {
  const schema = z.toJSONSchema(definition.secretsSchema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, { title?: string; description?: string }>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([key, field]) => ({
    key,
    title: field.title ?? key,
    ...(field.description ? { description: field.description } : {}),
    required: (schema.required ?? []).includes(key),
  }));
}

/** Every kind with what the admin UI needs to render its form: JSON Schema of the config, secret fields, an example. */
export function listConnectorKinds() {
  return CONNECTOR_KINDS.map((kind) => {
    const definition = CONNECTOR_DEFINITIONS[kind];
    return {
      kind,
      label: definition.label,
      description: definition.description,
      runtime: runtimeOf(definition),
      configSchema: z.toJSONSchema(definition.configSchema, { io: "input", unrepresentable: "any" }) as Record<
        string,
        unknown
      >,
      secretFields: secretFieldsOf(definition),
      exampleConfig: definition.exampleConfig as unknown,
    };
  });
}
