/**
 * Money is integer pence and percentages are integer basis points (1% = 100, 100% = 10,000).
 * Everything here is exact integer arithmetic: no amount ever passes through a binary fraction.
 */

/** The largest amount any money field accepts: £1bn, far beyond a council's programme, well inside exact integers. */
export const MAX_PENCE = 100_000_000_000;

const MONEY = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Reads an amount of money typed by a person into integer pence, exactly: "£1,234.56", "1234.56",
 * "1,234", "£600000", " £ 50.5 " (50.50). Thousands separators must be in the right places
 * ("1,23" is refused) and there are at most two decimal places (a third would be a fraction of a
 * penny). Negative amounts are refused. Returns null when the text is not an amount.
 */
export function parseMoney(input: string): number | null {
  const text = input.trim().replace(/^£\s*/, "").trim();
  const match = MONEY.exec(text);
  if (!match) return null;
  const pounds = Number(match[1].replace(/,/g, ""));
  const pence = Number((match[2] ?? "").padEnd(2, "0"));
  const total = pounds * 100 + pence;
  return Number.isSafeInteger(total) && total <= MAX_PENCE ? total : null;
}

/** Pence as a form shows them for editing: "1234.56", or "600000" for whole pounds. */
export function penceToInput(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${pounds}${rest ? `.${String(rest).padStart(2, "0")}` : ""}`;
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/**
 * A percentage typed by a person into basis points, exactly: "70" and "70%" are 7,000; "2.5" is
 * 250; "62.25" is 6,225. At most two decimal places; never negative; null when not a percentage.
 * Callers check the range they allow (a share is at most 100%).
 */
export function parsePercent(input: string): number | null {
  const match = PERCENT.exec(input.trim().replace(/\s*%$/, "").trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Basis points as a form or page shows them: 7000 → "70", 250 → "2.5", 6225 → "62.25". */
export function basisPointsToText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return rest ? `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}` : String(whole);
}

/**
 * A list of percentages, e.g. a taper schedule "100, 70, 50" (commas, spaces or semicolons
 * between), into basis points. Null when any item is not a percentage or the list is empty.
 */
export function parsePercentList(input: string): number[] | null {
  const items = input
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return null;
  const values = items.map(parsePercent);
  return values.every((v): v is number => v !== null) ? values : null;
}

/**
 * numerator / denominator rounded to the nearest whole number, halves away from zero (upwards
 * for the non-negative amounts money has here): 2.5 → 3. Integers in, integer out.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0 || !Number.isInteger(denominator)) throw new RangeError("denominator must be a positive integer");
  if (!Number.isInteger(numerator)) throw new RangeError("numerator must be an integer");
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const q = Math.floor(abs / denominator);
  const r = abs - q * denominator;
  return sign * (2 * r >= denominator ? q + 1 : q);
}

/** A share (basis points) of an amount of pence, rounded half up to the penny. */
export function shareOf(pence: number, basisPoints: number): number {
  return divideRoundHalfUp(pence * basisPoints, 10_000);
}

/**
 * Splits an amount into whole-penny parts in proportion to integer weights, adding up to it
 * exactly, by the largest remainder method: each part gets its proportion rounded down, and the
 * pence left over go one each to the parts with the largest remainders (the earlier part on a tie).
 * Exact for any size of weight (the products are taken as BigInt).
 */
export function splitInProportion(pence: number, weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (weights.length === 0 || weights.some((w) => w < 0 || !Number.isInteger(w))) throw new RangeError("weights must be whole numbers, at least one");
  if (total === 0n) {
    if (pence !== 0) throw new RangeError("cannot split an amount over weights of nothing");
    return weights.map(() => 0);
  }
  const big = BigInt(pence);
  const parts = weights.map((w, i) => ({ i, floor: (big * BigInt(w)) / total, remainder: (big * BigInt(w)) % total }));
  let left = Number(big - parts.reduce((s, p) => s + p.floor, 0n));
  const result = parts.map((p) => Number(p.floor));
  for (const p of [...parts].sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1))) {
    if (left-- <= 0) break;
    result[p.i] += 1;
  }
  return result;
}

/**
 * Splits an amount into `parts` equal whole-penny parts that add up to it exactly (largest
 * remainder with equal weights): the pence left over go one each to the first parts. £600,000
 * in 12 is £50,000 each; £100,000.05 in 12 is 9 × £8,333.34 then 3 × £8,333.33.
 */
export function splitEvenly(pence: number, parts: number): number[] {
  if (!Number.isInteger(parts) || parts <= 0) throw new RangeError("parts must be a positive integer");
  // The same as splitInProportion with equal weights (every remainder ties), without BigInt: the model calls it for every post and month.
  const base = Math.floor(pence / parts);
  const left = pence - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < left ? 1 : 0));
}

/**
 * An annual amount after `years` yearly uplifts of `upliftBp` basis points, compounded: each
 * year's figure is rounded half up to the penny before the next uplift. £615,000 at 2.5% for two
 * years: £630,375.00, then £646,134.38.
 */
export function uplift(pence: number, upliftBp: number, years: number): number {
  let value = pence;
  for (let i = 0; i < years; i++) value = divideRoundHalfUp(value * (10_000 + upliftBp), 10_000);
  return value;
}

export function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
