/**
 * Writes fitted values back into parameter files: only the `value` of the fitted dated entries changes;
 * `assumption: true` stays and the reason gains a pointer to docs/calibration.md. The YAML document is
 * edited in place, so comments, references and key order survive.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isMap, parseDocument } from "yaml";

export const CALIBRATION_NOTE = "Fitted to FY2015-FY2019 by npm run calibrate; see docs/calibration.md.";

export function writeFittedValues(
  file: string,
  fitted: ReadonlyMap<string, number | Readonly<Record<string, number>>>,
): void {
  const doc = parseDocument(readFileSync(file, "utf8"));
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
  for (const [date, value] of fitted) {
    const entry = doc.getIn(["values", date]);
    if (!isMap(entry))
      throw new Error(`${file}: values.${date} is not a dated entry; cannot write the fitted value`);
    if (entry.get("assumption") !== true) {
      throw new Error(
        `${file}: values.${date} is not marked assumption: true; only free parameters are fitted`,
      );
    }
    if (typeof value === "number") entry.set("value", value);
    else {
      // A table keeps its node (and so its flow or block style); only the numbers change.
      for (const [key, share] of Object.entries(value)) doc.setIn(["values", date, "value", key], share);
    }
    const reason = String(entry.get("reason") ?? "");
    if (!reason.includes("docs/calibration.md"))
      entry.set("reason", `${reason.trim()} ${CALIBRATION_NOTE}`.trim());
  }
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}
