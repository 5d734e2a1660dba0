import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileSchema, type TFieldNode, type TJsonSchema } from "./json-schema";
import { validateValue } from "./validate";
import { defaultValue, variantDefaults, withoutPlaceholders } from "./values";

const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as TJsonSchema;

const workCenterId = z.uuid().meta({ title: "Work center", widget: "workCenter" });
const target = z.discriminatedUnion("as", [
  z.object({
    as: z.literal("state"),
    workCenterId: z.uuid(),
    states: z.record(z.string(), z.enum(["RUNNING", "DOWN"])),
  }),
  z.object({ as: z.literal("scrap"), workCenterId: z.uuid(), reasonCode: z.string().min(1) }),
]);
const config = z.object({
  url: z.url().meta({ title: "Agent URL", description: "Where the agent listens." }),
  interval: z.int().min(1).max(60).default(5),
  ratio: z.number().positive().max(10).optional(),
  enabled: z.boolean().default(true),
  devices: z.array(z.object({ device: z.string().min(1), workCenterId })).default([]),
  rules: z.array(z.intersection(z.object({ match: z.object({ metric: z.string() }) }), target)).default([]),
});

function propertyOf(node: TFieldNode, key: string): TFieldNode {
  if (node.kind !== "object") throw new Error(`${node.kind} is not an object`);
  const property = node.properties.find((candidate) => candidate.key === key);
  if (!property) throw new Error(`no property ${key}`);
  return property.node;
}

describe("compileSchema", () => {
  const root = compileSchema(toSchema(config));

  it("keeps titles, descriptions, defaults and bounds", () => {
    expect(propertyOf(root, "url")).toMatchObject({ kind: "string", format: "uri", title: "Agent URL" });
    expect(propertyOf(root, "interval")).toMatchObject({
      kind: "number",
      integer: true,
      minimum: 1,
      maximum: 60,
      default: 5,
    });
    expect(propertyOf(root, "ratio")).toMatchObject({ kind: "number", minimum: 0, exclusiveMinimum: true });
    expect(propertyOf(root, "enabled")).toMatchObject({ kind: "boolean", default: true });
  });

  it("renders work-center references as the work-center select, with or without the widget", () => {
    const devices = propertyOf(root, "devices");
    expect(devices.kind === "array" && propertyOf(devices.item, "workCenterId").kind).toBe("workCenter");
    const rules = propertyOf(root, "rules");
    if (rules.kind !== "array" || rules.item.kind !== "union") throw new Error("rules are not a union");
    // The shared mapping rules name the field but carry no widget.
    expect(propertyOf(rules.item.variants[0]?.node as TFieldNode, "workCenterId").kind).toBe("workCenter");
  });

  it("turns an intersection with a discriminated union into one union whose variants carry both parts", () => {
    const rules = propertyOf(root, "rules");
    if (rules.kind !== "array" || rules.item.kind !== "union") throw new Error("rules are not a union");
    expect(rules.item.discriminator).toBe("as");
    expect(rules.item.variants.map((variant) => variant.value)).toEqual(["state", "scrap"]);
    const scrap = rules.item.variants[1]?.node as TFieldNode;
    expect(propertyOf(scrap, "match").kind).toBe("object");
    expect(propertyOf(scrap, "reasonCode").kind).toBe("string");
    const state = rules.item.variants[0]?.node as TFieldNode;
    expect(propertyOf(state, "states")).toMatchObject({
      kind: "record",
      value: { kind: "enum", options: ["RUNNING", "DOWN"] },
    });
  });

  it("compiles a top-level discriminated union (webhook formats)", () => {
    const union = compileSchema(
      toSchema(
        z.discriminatedUnion("format", [
          z.object({ format: z.literal("a"), x: z.string() }).meta({ title: "Format A" }),
          z.object({ format: z.literal("b"), y: z.number().nullable() }),
        ]),
      ),
    );
    expect(union).toMatchObject({ kind: "union", discriminator: "format" });
    if (union.kind !== "union") return;
    expect(union.variants.map((variant) => variant.label)).toEqual(["Format A", "b"]);
    // A nullable number is a number field, not a JSON box.
    expect(propertyOf(union.variants[1]?.node as TFieldNode, "y").kind).toBe("number");
  });
});

describe("values", () => {
  const root = compileSchema(toSchema(config));

  it("starts a new form with the defaults only", () => {
    expect(defaultValue(root)).toEqual({ interval: 5, enabled: true, devices: [], rules: [] });
  });

  it("keeps shared fields and drops the old variant's own when the discriminator changes", () => {
    const rules = propertyOf(root, "rules");
    if (rules.kind !== "array" || rules.item.kind !== "union") throw new Error("rules are not a union");
    const scrap = rules.item.variants[1];
    if (!scrap) throw new Error("no scrap variant");
    const previous = { as: "state", match: { metric: "State" }, workCenterId: "wc", states: { 1: "RUNNING" } };
    expect(variantDefaults(scrap, "as", previous)).toEqual({
      as: "scrap",
      match: { metric: "State" },
      workCenterId: "wc",
    });
  });

  it("clears the examples' placeholder work center", () => {
    expect(withoutPlaceholders({ devices: [{ workCenterId: "00000000-0000-4000-8000-000000000000" }] })).toEqual({
      devices: [{ workCenterId: "" }],
    });
  });
});

describe("validateValue", () => {
  const root = compileSchema(toSchema(config));
  const plant = new Set(["11111111-1111-4111-8111-111111111111"]);

  it("names each problem by the API's path notation", () => {
    const errors = validateValue(
      root,
      {
        url: "not a url",
        interval: 0,
        ratio: 0,
        devices: [{ device: "CNC-101", workCenterId: "22222222-2222-4222-8222-222222222222" }, { device: "" }],
        rules: [{ as: "scrap", match: { metric: "Scrap" }, workCenterId: "11111111-1111-4111-8111-111111111111" }],
      },
      plant,
    );
    expect(errors).toEqual({
      url: ["Enter a full address, e.g. http://10.0.4.20:5000."],
      interval: ["At least 1."],
      ratio: ["More than 0."],
      "devices.0.workCenterId": ["Choose one of this plant's work centers."],
      "devices.1.device": ["Required."],
      "devices.1.workCenterId": ["Required."],
      "rules.0.reasonCode": ["Required."],
    });
  });

  it("accepts any work center while the plant's are still loading", () => {
    const errors = validateValue(
      root,
      { url: "http://agent:5000", devices: [{ device: "CNC-101", workCenterId: "any" }] },
      null,
    );
    expect(errors).toEqual({});
  });
});
