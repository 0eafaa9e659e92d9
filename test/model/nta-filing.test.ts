/**
 * Notices to appear served on release at the border reach the court later, or never: until filed, the person
 * lives at large, off the docket and out of the arrest and departure pools; a notice never filed lapses and
 * the person joins those pools.
 */
import { describe, expect, it } from "vitest";
import { runModel } from "../../src/model/index.ts";
import { syntheticScenario } from "../../src/model/synthetic-scenario.ts";
import {
  cumulative,
  expectChecksPass,
  type Overrides,
  onlyDisposition,
  quietOverrides,
  total,
} from "./helpers.ts";

const H = 90;
const DELAY = 30;

/** Ten encounters a day, all released with a notice to appear; no judges, so the docket only fills. */
const run = (extra: Overrides) =>
  runModel(
    syntheticScenario({
      horizonDays: H,
      overrides: {
        ...quietOverrides(0),
        "arrests.officers": 0,
        "courts.judges": 0,
        "border.encounters": 3650,
        "border.dispositions": onlyDisposition("released_nta"),
        ...extra,
      },
    }),
    { delayCv: 0 },
  );

describe("filing delay for border notices to appear", () => {
  const r = run({ "courts.nta_filing_delay_days": DELAY, "courts.nta_filed_share": 1 });
  const released = cumulative(r, "flow.border_released_nta");
  const docket = r.daily["stock.non_detained_docket"]!;
  const atLarge = r.daily["stock.at_large"]!;

  it("passes its own checks", () => expectChecksPass(r));

  it("keeps people at large, off the docket, until the notice is filed", () => {
    expect(released[H - 1]).toBeGreaterThan(600);
    for (let d = 0; d < DELAY; d++) {
      expect(docket[d]).toBe(0);
      expect(atLarge[d]).toBe(released[d]);
    }
  });

  it("files each notice exactly the delay after release", () => {
    for (let d = DELAY; d < H; d++) {
      expect(docket[d]).toBe(released[d - DELAY]);
      expect(r.daily["stock.court_backlog"]![d]).toBe(released[d - DELAY]);
      expect(atLarge[d]).toBe(released[d]! - released[d - DELAY]!);
    }
  });

  it("with no delay and every notice filed, puts releases on the docket the same day", () => {
    const now = run({ "courts.nta_filing_delay_days": 0, "courts.nta_filed_share": 1 });
    const rel = cumulative(now, "flow.border_released_nta");
    for (let d = 0; d < H; d++) expect(now.daily["stock.non_detained_docket"]![d]).toBe(rel[d]);
  });
});

describe("notices never filed, and notices that lapse", () => {
  it("leaves everyone at large when no notice is filed", () => {
    const r = run({ "courts.nta_filing_delay_days": DELAY, "courts.nta_filed_share": 0 });
    expectChecksPass(r);
    expect(total(r, "stock.non_detained_docket")).toBe(0);
    expect(r.daily["stock.at_large"]![H - 1]).toBe(total(r, "flow.border_released_nta"));
  });

  it("files about the share filed", () => {
    const r = run({ "courts.nta_filing_delay_days": DELAY, "courts.nta_filed_share": 0.5 });
    const due = cumulative(r, "flow.border_released_nta")[H - 1 - DELAY]!;
    const filed = r.daily["stock.non_detained_docket"]![H - 1]!;
    // Binomial(due ≈ 600, 0.5): four standard deviations is about ±50.
    expect(Math.abs(filed - due / 2)).toBeLessThan(50);
  });

  it("keeps pending people out of departures until their notice lapses", () => {
    const r = run({
      "courts.nta_filing_delay_days": DELAY,
      "courts.nta_filed_share": 0,
      "departure.voluntary_rate": 5,
    });
    expectChecksPass(r);
    const left = cumulative(r, "flow.voluntary_departures");
    // Nobody can leave before the first notices lapse on day DELAY; afterwards the lapsed can.
    expect(left[DELAY - 1]).toBe(0);
    expect(left[H - 1]).toBeGreaterThan(0);
    expect(r.daily["stock.at_large"]![H - 1]! + left[H - 1]!).toBe(total(r, "flow.border_released_nta"));
    expect(total(r, "stock.non_detained_docket")).toBe(0);
  });
});
