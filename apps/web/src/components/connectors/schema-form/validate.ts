import type { TFieldNode, TObjectProperty } from "./json-schema";
import { currentVariant, isRecord, pathKey, type TPath } from "./values";

export type TFieldErrors = Record<string, string[]>;

/**
 * The checks the schema states (required, patterns, ranges, list sizes), run in the browser so
 * mistakes show next to the field before anything is sent. The API validates again with the
 * kind's zod schema, including rules JSON Schema cannot express; its messages are shown too.
 */
export function validateValue(
  node: TFieldNode,
  value: unknown,
  /** The plant's work centers; null while they load (then any chosen one passes). */
  workCenterIds: ReadonlySet<string> | null,
): TFieldErrors {
  const errors: TFieldErrors = {};
  const add = (path: TPath, message: string) => {
    const key = pathKey(path);
    errors[key] = [...(errors[key] ?? []), message];
  };

  const visitProperties = (properties: TObjectProperty[], record: unknown, path: TPath) => {
    const object = isRecord(record) ? record : {};
    for (const property of properties) {
      const child = object[property.key];
      const childPath = [...path, property.key];
      if (child === undefined || child === "") {
        if (property.required) add(childPath, "Required.");
        continue;
      }
      visit(property.node, child, childPath);
    }
  };

  const visit = (field: TFieldNode, current: unknown, path: TPath): void => {
    switch (field.kind) {
      case "object":
        visitProperties(field.properties, current, path);
        return;
      case "union": {
        const variant = currentVariant(field.variants, field.discriminator, current);
        if (variant) visitProperties(variant.node.properties, current, path);
        return;
      }
      case "array": {
        const items = Array.isArray(current) ? current : [];
        if (field.minItems !== undefined && items.length < field.minItems) {
          add(path, field.minItems === 1 ? "Add at least one." : `Add at least ${field.minItems}.`);
        }
        if (field.maxItems !== undefined && items.length > field.maxItems) add(path, `At most ${field.maxItems}.`);
        items.forEach((item, index) => {
          if (item === undefined || item === "") add([...path, index], "Required.");
          else visit(field.item, item, [...path, index]);
        });
        return;
      }
      case "record":
        if (isRecord(current)) {
          for (const [key, entry] of Object.entries(current)) {
            if (key.trim() === "") add(path, "Every row needs a value.");
            visit(field.value, entry, [...path, key]);
          }
        }
        return;
      case "string":
        if (typeof current !== "string") return;
        if (field.minLength !== undefined && current.length < field.minLength) {
          add(path, `At least ${field.minLength} characters.`);
        }
        if (field.maxLength !== undefined && current.length > field.maxLength) {
          add(path, `At most ${field.maxLength} characters.`);
        }
        if (field.pattern && !safeTest(field.pattern, current))
          add(path, `Does not have the expected form (${field.pattern}).`);
        if (field.format === "uri" && !isUrl(current)) add(path, "Enter a full address, e.g. http://10.0.4.20:5000.");
        return;
      case "number":
        if (typeof current !== "number") return;
        if (field.integer && !Number.isInteger(current)) add(path, "Enter a whole number.");
        if (
          field.minimum !== undefined &&
          (field.exclusiveMinimum ? current <= field.minimum : current < field.minimum)
        ) {
          add(path, `${field.exclusiveMinimum ? "More than" : "At least"} ${field.minimum}.`);
        }
        if (
          field.maximum !== undefined &&
          (field.exclusiveMaximum ? current >= field.maximum : current > field.maximum)
        ) {
          add(path, `${field.exclusiveMaximum ? "Less than" : "At most"} ${field.maximum}.`);
        }
        return;
      case "workCenter":
        if (typeof current === "string" && workCenterIds && !workCenterIds.has(current)) {
          add(path, "Choose one of this plant's work centers.");
        }
        return;
      default:
        return;
    }
  };

  visit(node, value, []);
  return errors;
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    // A pattern this browser cannot compile is left to the server.
    return true;
  }
}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
