/** The parameter tree: one file per catalogue entry under `parameters/`, all loaded and checked together. */
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CATALOG, PARAMETER_PATHS, type ParameterPath, parameterFile } from "./catalog.ts";
import { hasErrors, ValidationError, type ValidationIssue } from "./issues.ts";
import { checkParameterText, type ParameterTree, type TreeParameter } from "./parameter-file.ts";
import { issueAt, readText } from "./source.ts";
import { nearest } from "./suggest.ts";

/** `<package root>/parameters`, wherever the program is run from. */
export function defaultParametersDir(): string {
  return fileURLToPath(new URL("../../parameters", import.meta.url));
}

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !rel.startsWith(sep) ? rel : file;
}

const isYaml = (name: string) => name.endsWith(".yaml") || name.endsWith(".yml");

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listYamlFiles(full));
    else if (isYaml(name)) out.push(full);
  }
  return out;
}

/** The catalogue path a file under the parameters folder stands for (`detention/beds.yaml` → `detention.beds`). */
export function catalogPathOfFile(relToDir: string): string {
  return relToDir
    .replace(/\.ya?ml$/, "")
    .split(/[\\/]/)
    .join(".");
}

/** Checks one parameter file that lives under `dir`. */
export function checkTreeFile(
  dir: string,
  file: string,
): { parameter?: TreeParameter; issues: ValidationIssue[] } {
  const label = displayPath(file);
  const rel = relative(dir, file);
  const dotted = catalogPathOfFile(rel);
  if (!(dotted in CATALOG)) {
    const near = nearest(dotted, PARAMETER_PATHS);
    const hint = near
      ? `did you mean ${parameterFile(near as ParameterPath)} (${near})?`
      : "see src/params/catalog.ts";
    return {
      issues: [
        issueAt(label, { line: 1, column: 1 }, "", `"${dotted}" is not a parameter in the catalogue`, hint),
      ],
    };
  }
  const { text, issues } = readText(file, label);
  if (text === undefined) return { issues };
  const parentOfDir = resolve(dir, "..");
  return checkParameterText(
    text,
    label,
    dotted as ParameterPath,
    relative(parentOfDir, file).split(sep).join("/"),
  );
}

/** Reads and checks every file; returns what loaded and every issue (missing and stray files included). */
export function readParameterTree(dir = defaultParametersDir()): {
  tree: ParameterTree;
  issues: ValidationIssue[];
} {
  const absolute = resolve(dir);
  const parameters = new Map<ParameterPath, TreeParameter>();
  const issues: ValidationIssue[] = [];
  let files: string[];
  try {
    files = listYamlFiles(absolute);
  } catch {
    issues.push(issueAt(displayPath(absolute), { line: 0, column: 0 }, "", "parameters folder not found"));
    return { tree: { dir: absolute, parameters }, issues };
  }
  for (const file of files) {
    const result = checkTreeFile(absolute, file);
    issues.push(...result.issues);
    if (result.parameter) parameters.set(result.parameter.path, result.parameter);
  }
  const present = new Set(files.map((f) => catalogPathOfFile(relative(absolute, f))));
  for (const path of PARAMETER_PATHS) {
    if (present.has(path)) continue;
    const entry = CATALOG[path];
    issues.push(
      issueAt(
        displayPath(join(absolute, parameterFile(path))),
        { line: 0, column: 0 },
        "",
        `missing: the catalogue lists ${path} (${entry.kind}, ${entry.unit})`,
        "create it with description, unit and values",
      ),
    );
  }
  return { tree: { dir: absolute, parameters }, issues };
}

/** Loads the whole tree; throws a ValidationError listing every issue when any file is wrong or missing. */
export function loadParameterTree(dir?: string): ParameterTree {
  const { tree, issues } = readParameterTree(dir);
  if (hasErrors(issues)) throw new ValidationError(issues);
  return tree;
}
