import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { RunStore } from "./run-store.ts";
import { STORE_TABLES, TABLE_ORDER } from "./schema.ts";

export const EXPORT_FORMATS = ["parquet", "csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Default target: a folder of one file per table (parquet, csv) or one workbook (xlsx). */
export function defaultExportTarget(runId: number, format: ExportFormat): string {
  return format === "xlsx" ? `run-${runId}.xlsx` : `run-${runId}-${format}`;
}

/**
 * Writes every table of one run. Parquet and CSV: one file per table in a folder. XLSX: one sheet per
 * table in one workbook. Returns the files written.
 */
export async function exportRun(
  store: RunStore,
  runId: number,
  format: ExportFormat,
  target: string = defaultExportTarget(runId, format),
): Promise<string[]> {
  if (!(await store.hasRun(runId))) {
    throw new Error(`run ${runId} is not in ${store.file} (list runs with \`immsim runs\`)`);
  }
  if (format === "xlsx") {
    const file = resolve(target);
    mkdirSync(dirname(file), { recursive: true });
    // exceljs is large; only xlsx exports load it.
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    for (const table of STORE_TABLES) {
      const rows = await store.tableRows(table, runId, TABLE_ORDER[table]);
      const sheet = workbook.addWorksheet(table);
      const columns = rows[0] ? Object.keys(rows[0]) : [];
      sheet.columns = columns.map((key) => ({ header: key, key }));
      for (const row of rows) sheet.addRow(row);
    }
    await workbook.xlsx.writeFile(file);
    return [file];
  }
  const dir = resolve(target);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const table of STORE_TABLES) {
    const file = join(dir, `${table}.${format}`);
    const options = format === "parquet" ? "(FORMAT parquet)" : "(FORMAT csv, HEADER true)";
    await store.execute(
      `COPY (SELECT * FROM ${table} WHERE run_id = ${Math.trunc(runId)} ORDER BY ${TABLE_ORDER[table]}) TO ${sqlString(file)} ${options}`,
    );
    files.push(file);
  }
  return files;
}
