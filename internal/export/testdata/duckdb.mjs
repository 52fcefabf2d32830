// Reads export files with DuckDB's own readers and type inference, as an analyst would, and
// prints for each file its columns: the type DuckDB gives and how many values are null. Used by
// TestDuckDBReadsEveryExport. Arguments: files ending in .csv, .jsonl or .parquet; the
// environment variable ALBORAN_TEST_DUCKDB names the node_modules folder that holds
// @duckdb/node-api (scripts/services installs it).
import { createRequire } from 'node:module';

const require = createRequire(process.env.ALBORAN_TEST_DUCKDB + '/');
const { DuckDBInstance } = require('@duckdb/node-api');

const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const out = {};
for (const file of process.argv.slice(2)) {
  const lit = "'" + file.replaceAll("'", "''") + "'";
  const from = file.endsWith('.csv') ? `read_csv(${lit})` : file.endsWith('.jsonl') ? `read_json(${lit}, format = 'newline_delimited')` : `read_parquet(${lit})`;
  const desc = (await c.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJson();
  const nulls = desc.map((d) => `count(*) - count("${d.column_name.replaceAll('"', '""')}")`).join(', ');
  const counts = (await c.runAndReadAll(`SELECT count(*), ${nulls} FROM ${from}`)).getRows()[0].map(Number);
  out[file] = { rows: counts[0], columns: desc.map((d, i) => ({ name: d.column_name, type: d.column_type, nulls: counts[i + 1] })) };
}
console.log(JSON.stringify(out));
