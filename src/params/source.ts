/**
 * A YAML file as text, document and plain data, with a way back from a field path to a line and column.
 * Reading never throws: every problem (bytes that are not UTF-8, syntax, duplicate keys, an empty file, a
 * list where a mapping belongs, nesting too deep) becomes an issue.
 */
import { readFileSync } from "node:fs";
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { ValidationIssue } from "./issues.ts";

export type PathSegment = string | number;
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Deeper than this is not a plausible scenario or parameter file, and would risk the stack. */
export const MAX_DEPTH = 32;
/** Alias expansion limit (the "billion laughs" guard of the yaml library). */
const MAX_ALIAS_COUNT = 1000;

export interface Source {
  readonly file: string;
  readonly text: string;
  /** Absent for objects built in code. */
  readonly doc?: Document.Parsed;
  readonly lines?: LineCounter;
  /** The data (mapping keys in file order); `undefined` when the file could not be read as data. */
  readonly data: Plain | undefined;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export function issueAt(
  file: string,
  pos: Position,
  path: string,
  message: string,
  hint?: string,
  severity: "error" | "warning" = "error",
): ValidationIssue {
  return hint === undefined
    ? { file, line: pos.line, column: pos.column, path, message, severity }
    : { file, line: pos.line, column: pos.column, path, message, hint, severity };
}

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else return i;
    if (i + extra >= bytes.length) return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters; the bytes before the bad one on its line are valid UTF-8.
  const before = new TextDecoder().decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

/** Reads a file; unreadable or non-UTF-8 files give issues and no text. */
export function readText(file: string, label = file): { text?: string; issues: ValidationIssue[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a folder, expected a file"
          : `cannot read the file (${code ?? String(err)})`;
    return { issues: [issueAt(label, { line: 0, column: 0 }, "", message)] };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, "0");
    return {
      issues: [
        issueAt(
          label,
          positionOfByte(bytes, bad),
          "",
          `the file is not valid UTF-8 text (byte 0x${hex} at offset ${bad})`,
          "save it with UTF-8 encoding",
        ),
      ],
    };
  }
  return { text: new TextDecoder().decode(bytes), issues: [] };
}

function keyText(key: unknown): string {
  if (key instanceof Date) return key.toISOString().slice(0, 10);
  if (isScalar(key)) return keyText(key.value);
  return String(key);
}

class TooDeep extends Error {}

/** Sets a key as an own property, so that a key named `__proto__` is data (and an unknown field), not a prototype. */
function setOwn(obj: { [key: string]: Plain }, key: string, value: Plain): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Plain data from the document's node tree; dates (YAML 1.1 timestamps) become ISO date strings. */
function toPlain(value: unknown, depth: number): Plain {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Map) {
    const out: { [key: string]: Plain } = {};
    for (const [k, v] of value) setOwn(out, keyText(k), toPlain(v, depth + 1));
    return out;
  }
  if (value instanceof Set) return [...value].map((v) => toPlain(v, depth + 1));
  if (Array.isArray(value)) return value.map((v) => toPlain(v, depth + 1));
  if (value instanceof Uint8Array) return `<binary ${value.length} bytes>`;
  if (typeof value === "object") {
    const out: { [key: string]: Plain } = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, toPlain(v, depth + 1));
    return out;
  }
  return String(value);
}

/** Plain data from any JavaScript value (for objects built in code); undefined when nested too deep. */
export function plainFromValue(value: unknown): Plain | undefined {
  try {
    return toPlain(value, 0);
  } catch (err) {
    if (err instanceof TooDeep || err instanceof RangeError) return undefined;
    throw err;
  }
}

function yamlMessage(message: string): string {
  // The library appends " at line L, column C:" and a code excerpt; the position is given separately.
  const cut = message.search(/ at line \d+, column \d+/);
  return (cut >= 0 ? message.slice(0, cut) : message).trim();
}

/**
 * Parses YAML text into a Source. `expected` names what the root must be, for the message when the file is
 * empty or holds something other than a mapping.
 */
export function parseYaml(
  text: string,
  file: string,
  expected: string,
): { source: Source; issues: ValidationIssue[] } {
  const lines = new LineCounter();
  const issues: ValidationIssue[] = [];
  const bare: Source = { file, text, data: undefined };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    // The parser recurses on nesting; a stack overflow on absurd input is reported, not thrown.
    const msg = err instanceof RangeError ? "nested too deeply to read" : `cannot parse: ${String(err)}`;
    return { source: bare, issues: [issueAt(file, { line: 1, column: 1 }, "", msg)] };
  }
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    const hint =
      e.code === "DUPLICATE_KEY"
        ? "each field may appear once; remove or merge the repeated one"
        : e.code === "MULTIPLE_DOCS"
          ? "a file holds one document; remove the `---` separator"
          : undefined;
    issues.push(
      issueAt(file, { line: pos.line, column: pos.col }, "", `YAML: ${yamlMessage(e.message)}`, hint),
    );
  }
  const source: Source = { file, text, doc, lines, data: undefined };
  if (issues.length > 0) return { source, issues };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) {
    issues.push(issueAt(file, { line: 1, column: 1 }, "", `the file is empty; expected ${expected}`));
    return { source, issues };
  }
  if (!isMap(root)) {
    const pos = positionOf(source, root);
    const found = isSeq(root)
      ? "a list"
      : `a single value (${JSON.stringify(isScalar(root) ? root.value : "")})`;
    issues.push(issueAt(file, pos, "", `expected ${expected}, got ${found}`));
    return { source, issues };
  }
  let data: Plain;
  try {
    data = toPlain(doc.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT }), 0);
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    const msg =
      err instanceof TooDeep || err instanceof RangeError
        ? `nested more than ${MAX_DEPTH} levels deep; scenario and parameter files are shallow`
        : /alias count/i.test(text)
          ? `aliases (*name) expand to too many values (limit ${MAX_ALIAS_COUNT}); write the values out`
          : `cannot read the data: ${text}`;
    issues.push(issueAt(file, { line: 1, column: 1 }, "", msg));
    return { source, issues };
  }
  return { source: { ...source, data }, issues };
}

function positionOf(source: Source, node: Node | null | undefined): Position {
  if (!node?.range || !source.lines) return { line: 1, column: 1 };
  const p = source.lines.linePos(node.range[0]);
  return { line: p.line, column: p.col };
}

/**
 * Where a field is: the key of its `key: value` pair when the field is in a mapping (so messages point at
 * the name the user typed), the item itself in a list. A path that does not exist resolves to its deepest
 * existing ancestor (e.g. a missing field points at the mapping that lacks it).
 */
export function locate(source: Source, path: readonly PathSegment[], at: "key" | "value" = "key"): Position {
  if (!source.doc) return { line: 0, column: 0 };
  let node: unknown = source.doc.contents;
  let pos = positionOf(source, node as Node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) return pos;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      pos = last && at === "key" ? positionOf(source, keyNode) : positionOf(source, valueNode ?? keyNode);
      node = valueNode;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) return pos;
      pos = positionOf(source, item);
      node = item;
    } else {
      return pos;
    }
  }
  return pos;
}

/** The source text of a scalar at a path (as written, e.g. `"five thousand"` with its quotes), if any. */
export function writtenAt(source: Source, path: readonly PathSegment[]): string | undefined {
  if (!source.doc) return undefined;
  let node: unknown = source.doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      node = pair?.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
    } else return undefined;
  }
  if (!isScalar(node) || !node.range) return undefined;
  const raw = source.text.slice(node.range[0], node.range[1]).trim();
  return raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
}

/** The keys of a mapping at a path, in file order (JavaScript objects reorder integer-like keys). */
export function keysInFileOrder(source: Source, path: readonly PathSegment[], value: object): string[] {
  if (!source.doc) return Object.keys(value);
  let node: unknown = source.doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg))?.value;
    else if (isSeq(node) && typeof seg === "number") node = node.items[seg];
    else return Object.keys(value);
  }
  if (!isMap(node)) return Object.keys(value);
  return node.items.map((p) => keyText(p.key));
}
