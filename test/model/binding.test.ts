/**
 * The binding resource of a month: the most used one at 95% or more, ties (within a point) going to the
 * downstream resource; use above 100% (whole agents against a fractional capacity) counts as 100%.
 */
import { describe, expect, it } from "vitest";
import { Recorder } from "../../src/model/recorder.ts";
import { parseIsoDay } from "../../src/util/dates.ts";

const JANUARY_2030 = parseIsoDay("2030-01-01")!;

/** 31 days of January 2030 with the given daily (used, capacity) per resource. */
function january(
  uses: Partial<Record<"budget" | "beds" | "judges" | "third_country_quota" | "officers", [number, number]>>,
) {
  const rec = new Recorder(31, JANUARY_2030);
  for (let d = 0; d < 31; d++) {
    for (const [r, [used, cap]] of Object.entries(uses)) {
      rec.resource(d, r as "beds", used, cap);
    }
  }
  return rec.utilisation()[0]!;
}

describe("binding constraint", () => {
  it("is the most used resource at 95% or more", () => {
    const u = january({ beds: [80, 100], judges: [97, 100], officers: [99, 100] });
    expect(u.binding).toBe("officers");
    expect(u.byResource.judges).toBeCloseTo(0.97, 12);
  });

  it("is none when every resource is below 95%", () => {
    expect(january({ beds: [94, 100], officers: [50, 100] }).binding).toBe("none");
  });

  it("goes to the downstream resource when two are full", () => {
    expect(january({ beds: [100, 100], officers: [100, 100] }).binding).toBe("beds");
  });

  it("is the budget when it is spent all month and its policy acts, even with beds full", () => {
    expect(january({ budget: [1, 1], beds: [100, 100], judges: [100, 100] }).binding).toBe("budget");
    expect(january({ budget: [0, 1], beds: [100, 100] }).binding).toBe("beds");
  });

  it("counts use above capacity as full, so that rounding of a small quota does not outrank full beds", () => {
    // A quota of 0.1 agents a day met by one agent every nine days: 4 of 3.1 in the month.
    const rec = new Recorder(31, JANUARY_2030);
    for (let d = 0; d < 31; d++) {
      rec.resource(d, "beds", 100, 100);
      rec.resource(d, "third_country_quota", d % 9 === 0 ? 1 : 0, 0.1);
    }
    const u = rec.utilisation()[0]!;
    expect(u.byResource.third_country_quota).toBeGreaterThan(1);
    expect(u.binding).toBe("beds");
  });
});
