/**
 * Writes fitted values back into parameter files: only the numbers of the fitted dated entries change;
 * `assumption: true` stays and the reason gains a pointer to docs/calibration.md when it lacks one. The
 * file's text is patched at the numbers' positions, so layout, folded descriptions, comments, anchors and
 * references stay byte for byte as their authors wrote them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isMap, isScalar, parseDocument, type Range } from "yaml";

export const CALIBRATION_NOTE = "Fitted to FY2015-FY2019 by npm run calibrate; see docs/calibration.md.";

type Fitted = number | Readonly<Record<string, number>>;

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

function scalarRange(node: unknown, file: string, where: string): Range {
  if (!isScalar(node) || !node.range)
    throw new Error(`${file}: ${where} is not a plain value; cannot patch it`);
  return node.range;
}

function sameValue(a: unknown, b: Fitted): boolean {
  if (typeof b === "number") return a === b;
  if (typeof a !== "object" || a === null) return false;
  const rec = a as Record<string, unknown>;
  return Object.entries(b).every(([k, v]) => rec[k] === v);
}

export function writeFittedValues(file: string, fitted: ReadonlyMap<string, Fitted>): void {
  const text = readFileSync(file, "utf8");
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
  const edits: Edit[] = [];
  for (const [date, value] of fitted) {
    const entry = doc.getIn(["values", date], true);
    if (!isMap(entry))
      throw new Error(`${file}: values.${date} is not a dated entry; cannot write the fitted value`);
    if (entry.get("assumption") !== true) {
      throw new Error(
        `${file}: values.${date} is not marked assumption: true; only free parameters are fitted`,
      );
    }
    const node = entry.get("value", true);
    if (typeof value === "number") {
      const [from, to] = scalarRange(node, file, `values.${date}.value`);
      edits.push({ from, to, text: String(value) });
    } else {
      if (!isMap(node)) throw new Error(`${file}: values.${date}.value is not a table`);
      for (const [key, share] of Object.entries(value)) {
        const [from, to] = scalarRange(node.get(key, true), file, `values.${date}.value.${key}`);
        edits.push({ from, to, text: String(share) });
      }
    }
    const reason = String(entry.get("reason") ?? "");
    if (!reason.includes("docs/calibration.md")) {
      const [from, to] = scalarRange(entry.get("reason", true), file, `values.${date}.reason`);
      edits.push({ from, to, text: JSON.stringify(`${reason.trim()} ${CALIBRATION_NOTE}`.trim()) });
    }
  }
  let out = text;
  for (const e of [...edits].sort((a, b) => b.from - a.from))
    out = out.slice(0, e.from) + e.text + out.slice(e.to);
  // Read the result back: a patch that landed anywhere but on the intended numbers must not be written.
  const check = parseDocument(out);
  const values =
    check.errors.length > 0
      ? undefined
      : (check.toJS() as { values?: Record<string, { value?: unknown }> }).values;
  for (const [date, value] of fitted) {
    if (!sameValue(values?.[date]?.value, value)) {
      throw new Error(
        `${file}: writing the fitted value of values.${date} failed; the file was left unchanged`,
      );
    }
  }
  writeFileSync(file, out);
}
