import type pg from "pg";
import { emptyShape, type SchemaShape } from "./schema-shape";

// The migration runner's own bookkeeping table is not part of the data model.
const IGNORED_TABLES = ["_prisma_migrations"];

const onDeleteNames: Record<string, string> = {
  a: "noaction",
  r: "restrict",
  c: "cascade",
  n: "setnull",
  d: "setdefault",
};

/** What the migrated database actually contains, read from the Postgres catalog. */
export async function readActualShape(client: pg.Pool | pg.Client, schema = "public"): Promise<SchemaShape> {
  const shape = emptyShape();

  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  for (const row of enums.rows) shape.enums.set(row.name, row.values);

  const columns = await client.query<{ tbl: string; col: string; type: string; nullable: boolean }>(
    `SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> ALL($2)`,
    [schema, IGNORED_TABLES],
  );
  for (const row of columns.rows) {
    shape.columns.set(`${row.tbl}.${row.col}`, `${row.type.replaceAll('"', "")} ${row.nullable ? "NULL" : "NOT NULL"}`);
  }

  const indexes = await client.query<{ tbl: string; name: string; cols: string[]; unique: boolean; primary: boolean }>(
    `SELECT t.relname AS tbl, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, pos)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.pos)::text[] AS cols
       FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname <> ALL($2)`,
    [schema, IGNORED_TABLES],
  );
  for (const row of indexes.rows) {
    const kind = row.primary ? "primary" : row.unique ? "unique" : "index";
    shape.indexes.set(row.name, `${row.tbl}(${row.cols.join(", ")}) ${kind}`);
  }

  const foreignKeys = await client.query<{
    name: string;
    tbl: string;
    cols: string[];
    ref: string;
    refcols: string[];
    ondelete: string;
  }>(
    `SELECT con.conname AS name, t.relname AS tbl, r.relname AS ref, con.confdeltype AS ondelete,
            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, pos)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.pos)::text[] AS cols,
            array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, pos)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.pos)::text[] AS refcols
       FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = $1`,
    [schema],
  );
  for (const row of foreignKeys.rows) {
    shape.foreignKeys.set(
      row.name,
      `${row.tbl}(${row.cols.join(", ")}) -> ${row.ref}(${row.refcols.join(", ")}) on delete ${onDeleteNames[row.ondelete] ?? row.ondelete}`,
    );
  }
  return shape;
}
