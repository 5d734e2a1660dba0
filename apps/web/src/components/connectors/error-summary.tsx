import type { Ref } from "react";
import styles from "./editor.module.css";
import type { TFieldNode, TObjectProperty } from "./schema-form/json-schema";
import { labelOf, rowNoun } from "./schema-form/labels";
import type { TFieldErrors } from "./schema-form/validate";
import { currentVariant, fieldId } from "./schema-form/values";

type TErrorSummaryProps = {
  ref: Ref<HTMLDivElement>;
  root: TFieldNode;
  general: string[];
  nameErrors: string[];
  configErrors: TFieldErrors;
  secretErrors: TFieldErrors;
  /** Secret field names to their labels. */
  secretLabels: Record<string, string>;
  jsonError: string | null;
};

/** "devices.0.workCenterId" → "Devices › Device 1 › Work center", following the schema's titles. */
export function describePath(root: TFieldNode, path: string): string {
  const labels: string[] = [];
  let node: TFieldNode | undefined = root;
  for (const segment of path.split(".")) {
    if (!node) {
      labels.push(segment);
      continue;
    }
    if (node.kind === "array" && /^\d+$/.test(segment)) {
      labels.push(`${rowNoun(labels.at(-1) ?? "")} ${Number(segment) + 1}`);
      node = node.item;
      continue;
    }
    if (node.kind === "record") {
      labels.push(`"${segment}"`);
      node = node.value;
      continue;
    }
    const properties: TObjectProperty[] | undefined =
      node.kind === "object"
        ? node.properties
        : node.kind === "union"
          ? currentVariant(node.variants, node.discriminator, undefined)?.node.properties
          : undefined;
    const property: TObjectProperty | undefined =
      properties?.find((candidate) => candidate.key === segment) ?? findInVariants(node, segment);
    labels.push(property ? labelOf(segment, property.node) : segment);
    node = property?.node;
  }
  return labels.join(" › ");
}

function findInVariants(node: TFieldNode, key: string) {
  if (node.kind !== "union") return undefined;
  for (const variant of node.variants) {
    const property = variant.node.properties.find((candidate) => candidate.key === key);
    if (property) return property;
  }
  return undefined;
}

/** Every problem above the form, each linking to its field: the buttons may be a long scroll away. */
export function ErrorSummary(props: TErrorSummaryProps) {
  const { ref, root, general, nameErrors, configErrors, secretErrors, secretLabels, jsonError } = props;
  const configEntries = Object.entries(configErrors);
  const secretEntries = Object.entries(secretErrors);
  const count = general.length + nameErrors.length + configEntries.length + secretEntries.length + (jsonError ? 1 : 0);
  return (
    <div ref={ref} tabIndex={-1} className={styles.errorSummary} hidden={count === 0}>
      {count > 0 ? (
        <div className="alert alert-danger" role="alert">
          <div>
            <p>
              <strong>Please check the form.</strong> {count === 1 ? "One thing needs" : `${count} things need`} your
              attention:
            </p>
            <ul className={styles.errorList}>
              {general.map((message) => (
                <li key={message}>{message}</li>
              ))}
              {nameErrors.length > 0 ? (
                <li>
                  <a href="#connector-name">Name</a>: {nameErrors.join(" ")}
                </li>
              ) : null}
              {jsonError ? (
                <li>
                  <a href="#connector-config-json">Configuration (JSON)</a>: {jsonError}
                </li>
              ) : null}
              {configEntries.map(([path, messages]) => (
                <li key={path}>
                  <a href={`#${fieldId(path.split("."))}`}>{describePath(root, path)}</a>: {messages.join(" ")}
                </li>
              ))}
              {secretEntries.map(([key, messages]) => (
                <li key={key}>
                  <a href={`#secret-${key}`}>{secretLabels[key] ?? key}</a>: {messages.join(" ")}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  );
}
