/**
 * A database schema reduced to what must agree between schema.prisma and the migrated
 * database. Each item renders as one comparable line, so a difference reads like a diff.
 */
export type SchemaShape = {
  enums: Map<string, string[]>;
  /** `table.column` → "type NULL|NOT NULL" */
  columns: Map<string, string>;
  /** index name → "table(col, col) unique|primary|index" */
  indexes: Map<string, string>;
  /** constraint name → "table(cols) -> table(cols) on delete X" */
  foreignKeys: Map<string, string>;
};

export function emptyShape(): SchemaShape {
  return { enums: new Map(), columns: new Map(), indexes: new Map(), foreignKeys: new Map() };
}

/** Every line present on one side only, or different on both: empty means identical. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const differences: string[] = [];
  const compare = (kind: string, left: Map<string, string>, right: Map<string, string>) => {
    for (const [key, value] of left) {
      const other = right.get(key);
      if (other === undefined) differences.push(`${kind} ${key}: in schema.prisma (${value}) but not in the database`);
      else if (other !== value)
        differences.push(`${kind} ${key}: schema.prisma says "${value}", database has "${other}"`);
    }
    for (const [key, value] of right) {
      if (!left.has(key)) differences.push(`${kind} ${key}: in the database (${value}) but not in schema.prisma`);
    }
  };
  const joinEnums = (enums: Map<string, string[]>) =>
    new Map([...enums].map(([name, values]) => [name, values.join(",")]));
  compare("enum", joinEnums(expected.enums), joinEnums(actual.enums));
  compare("column", expected.columns, actual.columns);
  compare("index", expected.indexes, actual.indexes);
  compare("foreign key", expected.foreignKeys, actual.foreignKeys);
  return differences;
}
