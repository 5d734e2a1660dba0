import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { emptyShape, type SchemaShape } from "./schema-shape";

export const schemaPath = fileURLToPath(new URL("../../../../prisma/schema.prisma", import.meta.url));

const ZField = z.object({
  name: z.string(),
  dbName: z.string().nullish(),
  kind: z.enum(["scalar", "object", "enum", "unsupported"]),
  type: z.string(),
  isList: z.boolean(),
  isRequired: z.boolean(),
  nativeType: z.tuple([z.string(), z.array(z.string())]).nullish(),
  relationFromFields: z.array(z.string()).optional(),
  relationToFields: z.array(z.string()).optional(),
  relationOnDelete: z.string().optional(),
  relationName: z.string().nullish(),
});
const ZDmmf = z.object({
  datamodel: z.object({
    enums: z.array(z.object({ name: z.string(), values: z.array(z.object({ name: z.string() })) })),
    models: z.array(z.object({ name: z.string(), dbName: z.string().nullish(), fields: z.array(ZField) })),
    indexes: z.array(
      z.object({
        model: z.string(),
        type: z.enum(["id", "unique", "normal", "fulltext"]),
        dbName: z.string().nullish(),
        fields: z.array(z.object({ name: z.string() })),
      }),
    ),
  }),
});
type TField = z.infer<typeof ZField>;

// Postgres spelling (format_type) of each Prisma scalar without a native type attribute.
const defaultTypes: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function nativeTypeName([name, args]: [string, string[]]): string {
  const arg = args.length > 0 ? `(${args.join(",")})` : "";
  switch (name) {
    case "Uuid":
      return "uuid";
    case "Text":
      return "text";
    case "Date":
      return "date";
    case "Timestamptz":
      return `timestamp${arg || "(6)"} with time zone`;
    case "Timestamp":
      return `timestamp${arg || "(6)"} without time zone`;
    case "VarChar":
      return `character varying${arg}`;
    case "Integer":
      return "integer";
    case "SmallInt":
      return "smallint";
    case "DoublePrecision":
      return "double precision";
    default:
      throw new Error(`schema check does not know native type @db.${name}; teach expected-shape.ts`);
  }
}

function columnType(field: TField): string {
  const base =
    field.kind === "enum"
      ? field.type
      : field.nativeType
        ? nativeTypeName(field.nativeType)
        : (defaultTypes[field.type] ?? "unknown");
  return field.isList ? `${base}[]` : base;
}

/** What schema.prisma says the database must look like, read by Prisma's own schema parser (WASM, offline). */
export async function readExpectedShape(path: string = schemaPath): Promise<SchemaShape> {
  const require = createRequire(import.meta.url);
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf: (params: string) => string };
  const schema = await readFile(path, "utf8");
  const dmmf = ZDmmf.parse(JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))));
  const shape = emptyShape();
  const tableOf = new Map(dmmf.datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: string, field: string) => {
    const found = dmmf.datamodel.models.find((m) => m.name === model)?.fields.find((f) => f.name === field);
    return found?.dbName ?? field;
  };

  for (const enumDef of dmmf.datamodel.enums)
    shape.enums.set(
      enumDef.name,
      enumDef.values.map((v) => v.name),
    );
  for (const model of dmmf.datamodel.models) {
    const table = tableOf.get(model.name) ?? model.name;
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue;
        const target = tableOf.get(field.type) ?? field.type;
        const cols = from.map((f) => columnOf(model.name, f));
        const refs = (field.relationToFields ?? []).map((f) => columnOf(field.type, f));
        const onDelete = (field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")).toLowerCase();
        shape.foreignKeys.set(
          `${table}_${cols.join("_")}_fkey`,
          `${table}(${cols.join(", ")}) -> ${target}(${refs.join(", ")}) on delete ${onDelete}`,
        );
        continue;
      }
      // Prisma creates list columns without NOT NULL.
      const nullable = !field.isRequired || field.isList;
      shape.columns.set(
        `${table}.${field.dbName ?? field.name}`,
        `${columnType(field)} ${nullable ? "NULL" : "NOT NULL"}`,
      );
    }
  }
  for (const index of dmmf.datamodel.indexes) {
    const table = tableOf.get(index.model) ?? index.model;
    const cols = index.fields.map((f) => columnOf(index.model, f.name));
    const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
    const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${suffix}`);
    const kind = index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "index";
    shape.indexes.set(name, `${table}(${cols.join(", ")}) ${kind}`);
  }
  return shape;
}
