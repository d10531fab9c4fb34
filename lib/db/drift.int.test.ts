import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// schema.prisma and prisma/migrations must describe the same database. The migrations were applied to
// this test database by scripts/with-db.ts; here every model, field, enum and index of the schema is
// looked up in the live catalog, and every table and column of the database is looked up in the schema.

type Field = { name: string; dbName: string | null; kind: string; type: string; isList: boolean; isRequired: boolean; relationName?: string; nativeType?: [string, string[]] | null };
type Model = { name: string; dbName: string | null; fields: Field[] };
type Dmmf = { datamodel: { models: Model[]; enums: { name: string; values: { name: string }[] }[]; indexes: { model: string; type: string; dbName: string | null; name: string | null; fields: { name: string }[] }[] } };

const dmmf: Dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync("prisma/schema.prisma", "utf8")]] })),
);

const PG_TYPE: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  DateTime: "timestamp with time zone",
  Json: "jsonb",
};

let client: pg.Client;
let columns: Map<string, { data_type: string; udt_name: string; is_nullable: string }>;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
});
afterAll(() => client.end());

const tableOf = (m: Model) => m.dbName ?? m.name;
const columnOf = (f: Field) => f.dbName ?? f.name;

describe("schema.prisma and the migrations agree", () => {
  it("every scalar and enum field exists with the same type and nullability", () => {
    const problems: string[] = [];
    for (const model of dmmf.datamodel.models) {
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        const key = `${tableOf(model)}.${columnOf(field)}`;
        const col = columns.get(key);
        if (!col) {
          problems.push(`${key}: missing in the database`);
          continue;
        }
        const expected = field.kind === "enum" ? field.type : PG_TYPE[field.type];
        const actual = field.isList ? col.udt_name.replace(/^_/, "") : col.data_type === "USER-DEFINED" ? col.udt_name : col.data_type;
        const expectedNormalized = field.isList ? { text: "text", integer: "int4" }[expected] ?? expected : expected;
        if (actual !== expectedNormalized) problems.push(`${key}: schema says ${expected}${field.isList ? "[]" : ""}, database has ${actual}`);
        if (field.isList && col.data_type !== "ARRAY") problems.push(`${key}: schema says a list, database has ${col.data_type}`);
        // Prisma leaves list columns nullable in SQL; scalar fields must match exactly.
        if (!field.isList && (col.is_nullable === "NO") !== field.isRequired) {
          problems.push(`${key}: schema says ${field.isRequired ? "required" : "optional"}, database column is ${col.is_nullable === "NO" ? "NOT NULL" : "nullable"}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("the database has no table or column the schema does not know", () => {
    const known = new Set<string>();
    for (const model of dmmf.datamodel.models) {
      for (const field of model.fields.filter((f) => f.kind !== "object")) known.add(`${tableOf(model)}.${columnOf(field)}`);
    }
    const unknown = [...columns.keys()].filter((k) => !k.startsWith("_prisma_migrations.") && !known.has(k));
    expect(unknown).toEqual([]);
  });

  it("every enum has the same values in the same order", async () => {
    const { rows } = await client.query(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public' GROUP BY t.typname`,
    );
    const db = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const schema = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(db).toEqual(schema);
  });

  it("every primary key, unique constraint and index of the schema exists on the same columns", async () => {
    const { rows } = await client.query(`
      SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
             array_agg(a.attname::text ORDER BY k.ord) AS cols
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE ix.indpred IS NULL
      GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`);
    const actual = new Set(rows.map((r) => `${r.table}(${r.cols.join(",")})${r.primary ? " pk" : r.unique ? " unique" : ""}`));
    const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
    const missing: string[] = [];
    for (const idx of dmmf.datamodel.indexes) {
      const model = models.get(idx.model)!;
      const cols = idx.fields.map((f) => columnOf(model.fields.find((x) => x.name === f.name)!));
      const kind = idx.type === "id" ? " pk" : idx.type === "unique" ? " unique" : "";
      const key = `${tableOf(model)}(${cols.join(",")})${kind}`;
      if (!actual.has(key)) missing.push(key);
    }
    expect(missing).toEqual([]);
    // And no index in the database that the schema lacks (partial indexes are hand-written invariants).
    const expected = new Set(
      dmmf.datamodel.indexes.map((idx) => {
        const model = models.get(idx.model)!;
        const cols = idx.fields.map((f) => columnOf(model.fields.find((x) => x.name === f.name)!));
        return `${tableOf(model)}(${cols.join(",")})${idx.type === "id" ? " pk" : idx.type === "unique" ? " unique" : ""}`;
      }),
    );
    const extra = [...actual].filter((k) => !k.startsWith("_prisma_migrations") && !expected.has(k));
    expect(extra).toEqual([]);
  });
});
