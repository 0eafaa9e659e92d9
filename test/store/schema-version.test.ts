import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { RunStore } from "../../src/store/run-store.ts";
import { SCHEMA_SQL, SCHEMA_VERSION } from "../../src/store/schema.ts";

const dir = mkdtempSync(join(tmpdir(), "immsim-store-version-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stampOf(file: string): Promise<number[]> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll("SELECT schema_version FROM store_meta");
  const versions = reader.getRows().map((r) => Number(r[0]));
  connection.closeSync();
  instance.closeSync();
  return versions;
}

describe("run store schema version", () => {
  it("stamps a new store with this version, once, and opens it again", async () => {
    const file = join(dir, "new.duckdb");
    (await RunStore.open(file)).close();
    (await RunStore.open(file)).close();
    expect(await stampOf(file)).toEqual([SCHEMA_VERSION]);
  });

  it("refuses a store stamped with another version, naming the file, both versions and the way out", async () => {
    const file = join(dir, "other.duckdb");
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run("CREATE TABLE store_meta (schema_version INTEGER NOT NULL)");
    await connection.run(`INSERT INTO store_meta VALUES (${SCHEMA_VERSION + 1})`);
    connection.closeSync();
    instance.closeSync();
    const opening = RunStore.open(file);
    await expect(opening).rejects.toThrow(
      new RegExp(`other\\.duckdb was written with store schema version ${SCHEMA_VERSION + 1}.*--db`),
    );
    // The refusal leaves the file closed: it can be opened again right away.
    expect(await stampOf(file)).toEqual([SCHEMA_VERSION + 1]);
  });

  it("reads a store from before versioning (run tables, no stamp) as version 1", async () => {
    const file = join(dir, "unstamped.duckdb");
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run(SCHEMA_SQL);
    connection.closeSync();
    instance.closeSync();
    if (SCHEMA_VERSION === 1) {
      (await RunStore.open(file)).close();
    } else {
      await expect(RunStore.open(file)).rejects.toThrow(/store schema version 1/);
    }
    expect(await stampOf(file)).toEqual([1]);
  });
});
