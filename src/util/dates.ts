/**
 * Calendar arithmetic on integer day numbers (days since 1970-01-01, UTC).
 * The simulation clock counts whole days from a scenario's start date; these helpers map between the two
 * and name U.S. federal fiscal years (FY2025 runs from 2024-10-01 to 2025-09-30).
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a day number; returns `null` for anything else, including 2023-02-30. */
export function parseIsoDay(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** Day number for a JavaScript Date (its UTC calendar day). */
export function dayOfDate(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Fiscal year number of a day: 2024-10-01 belongs to 2025. */
export function fiscalYearOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  return d.getUTCMonth() >= 9 ? y + 1 : y;
}

/** First day (day number) of a fiscal year. */
export function fiscalYearStartDay(fy: number): number {
  return Math.round(Date.UTC(fy - 1, 9, 1) / MS_PER_DAY);
}

/** `FY2025` style label. */
export function fiscalYearLabel(fy: number): string {
  return `FY${fy}`;
}

/** `2025-03` style label of the calendar month a day falls in. */
export function monthLabelOfDay(day: number): string {
  return isoOfDay(day).slice(0, 7);
}

/** Calendar-month index (years × 12 + month) of a day, for grouping daily series. */
export function monthIndexOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Adds whole calendar years to a date, clamping 29 February to 28 February. */
export function addYears(day: number, years: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY);
}
