/** Collects the issues of one source, turning field paths into positions and printable paths. */
import type { ValidationIssue } from "./issues.ts";
import { issueAt, locate, type PathSegment, type Source, writtenAt } from "./source.ts";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `policies[3].beds`, `overrides["courts.judges"]["2025-10-01"].value`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** How a found value reads in a message: as written in the file when possible. */
export function describeFound(source: Source, path: readonly PathSegment[], value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  // Numbers as written (`20e9`, `1e400`), not as JavaScript prints them.
  const written = writtenAt(source, path);
  return written !== undefined && written !== "" ? written : String(value);
}

export class Collector {
  readonly issues: ValidationIssue[] = [];
  constructor(readonly source: Source) {}

  error(path: readonly PathSegment[], message: string, hint?: string, at: "key" | "value" = "key"): void {
    this.add(path, message, hint, at, "error");
  }

  warn(path: readonly PathSegment[], message: string, hint?: string, at: "key" | "value" = "key"): void {
    this.add(path, message, hint, at, "warning");
  }

  /** `expected <what>, got <found>`, with the found value as written. */
  expected(path: readonly PathSegment[], what: string, found: unknown, hint?: string): void {
    const message =
      found === undefined
        ? `missing; expected ${what}`
        : `expected ${what}, got ${describeFound(this.source, path, found)}`;
    this.error(path, message, hint);
  }

  addIssues(issues: readonly ValidationIssue[]): void {
    this.issues.push(...issues);
  }

  get errorCount(): number {
    return this.issues.filter((i) => i.severity === "error").length;
  }

  private add(
    path: readonly PathSegment[],
    message: string,
    hint: string | undefined,
    at: "key" | "value",
    severity: "error" | "warning",
  ): void {
    const pos = locate(this.source, path, at);
    this.issues.push(issueAt(this.source.file, pos, formatPath(path), message, hint, severity));
  }
}
