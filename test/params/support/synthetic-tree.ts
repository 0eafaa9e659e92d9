/**
 * Writes a complete, valid parameter tree (one file per catalogue entry, values marked as assumptions) into a
 * temporary folder, so that loader tests do not depend on the real tree being finished.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import {
  CATALOG,
  type CatalogEntry,
  KEY_SETS,
  PARAMETER_PATHS,
  parameterFile,
} from "../../../src/params/catalog.ts";

function valueFor(entry: CatalogEntry): number | Record<string, number> {
  const base = entry.max !== undefined ? entry.max / 2 : 10;
  if (entry.kind === "scalar") return base;
  const keys = KEY_SETS[entry.keys] as readonly string[];
  const each = entry.sumsToOne ? 1 / keys.length : base;
  return Object.fromEntries(keys.map((k) => [k, each]));
}

export function syntheticParameterFile(entry: CatalogEntry): string {
  return stringify({
    description: "Synthetic value for tests.",
    unit: entry.unit,
    values: {
      "2015-10-01": { value: valueFor(entry), assumption: true, reason: "Test fixture." },
      "2020-10-01": {
        value: valueFor(entry),
        reference: [{ title: "Test source", href: "https://example.org/source" }],
      },
    },
  });
}

/** Returns the folder (`.../parameters`). */
export function writeSyntheticTree(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "immsim-params-")), "parameters");
  for (const path of PARAMETER_PATHS) {
    const file = join(dir, parameterFile(path));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, syntheticParameterFile(CATALOG[path]));
  }
  return dir;
}

/** Removes a folder made by `writeSyntheticTree`. */
export function removeSyntheticTree(dir: string): void {
  rmSync(dirname(dir), { recursive: true, force: true });
}
