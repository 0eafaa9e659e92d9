/**
 * Which fiscal years the backtest simulates and how each one counts. Calibration may look only at the
 * in-sample years; the out-of-sample years are there to judge the fitted model, never to fit it.
 */

export const BACKTEST_FIRST_FY = 2015;
export const BACKTEST_LAST_FY = 2024;

/** The years free parameters are fitted on. */
export const IN_SAMPLE_YEARS: readonly number[] = [2015, 2016, 2017, 2018, 2019];
/** The years reported as a test of the fitted model. */
export const OUT_OF_SAMPLE_YEARS: readonly number[] = [2022, 2023, 2024];
/**
 * Pandemic years with Title 42 expulsions: reported, but in neither MAPE, because border processing and
 * detention ran under emergency rules the model represents only through dated dispositions.
 */
export const FLAGGED_YEARS: Readonly<Record<number, string>> = {
  2020: "pandemic/Title 42",
  2021: "pandemic/Title 42",
};

export type Sample = "in" | "out" | "flagged";

export function sampleOf(fiscalYear: number): Sample {
  if (IN_SAMPLE_YEARS.includes(fiscalYear)) return "in";
  if (OUT_OF_SAMPLE_YEARS.includes(fiscalYear)) return "out";
  if (fiscalYear in FLAGGED_YEARS) return "flagged";
  throw new Error(
    `FY${fiscalYear} is outside the backtest years FY${BACKTEST_FIRST_FY}-FY${BACKTEST_LAST_FY}`,
  );
}

export function backtestYears(): number[] {
  const years: number[] = [];
  for (let fy = BACKTEST_FIRST_FY; fy <= BACKTEST_LAST_FY; fy++) years.push(fy);
  return years;
}

/** `FY2019` -> 2019; throws on anything else. */
export function fiscalYearNumber(label: string): number {
  const m = /^FY(\d{4})$/.exec(label);
  if (!m) throw new Error(`not a fiscal-year label: ${label}`);
  return Number(m[1]);
}
