/** Presentation of the figures councils report: money in pounds, FTE, percentages, counts. */

const poundsWhole = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0, minimumFractionDigits: 0 });
const poundsPence = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** Money is held as integer pence. "£1,234" or, with pence, "£1,234.56". Negative as "−£1,234". */
export function formatMoney(pence: number, options: { pence?: boolean } = {}): string {
  const pounds = pence / 100;
  const formatted = (options.pence ? poundsPence : poundsWhole).format(Math.abs(pounds));
  return pence < 0 ? `−${formatted}` : formatted;
}

/** "£2.4m", "£950k": for headlines only; tables show the full figure. */
export function formatMoneyShort(pence: number): string {
  const pounds = pence / 100;
  const abs = Math.abs(pounds);
  const sign = pounds < 0 ? "−" : "";
  if (abs >= 1_000_000) return `${sign}£${trimZeros((abs / 1_000_000).toFixed(abs >= 10_000_000 ? 1 : 2))}m`;
  if (abs >= 1_000) return `${sign}£${trimZeros((abs / 1_000).toFixed(0))}k`;
  return `${sign}£${abs.toFixed(0)}`;
}

function trimZeros(s: string) {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** FTE with up to two decimals: 3.5, 9.2, 0.75, 16. */
export function formatFte(fte: number): string {
  return trimZeros(fte.toFixed(2));
}

/** Rounds half away from zero to one decimal place, the way the programme's reports do (81.25 → 81.3). */
export function roundPercent(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  // Work on a decimal string of the value so that binary fractions (e.g. 68.75) round as written.
  const scaled = Number(`${Math.abs(value).toPrecision(15)}e${decimals}`);
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

/** "61.3%" */
export function formatPercent(value: number | null | undefined, decimals = 1, fallback = "–"): string {
  if (value == null || Number.isNaN(value)) return fallback;
  return `${roundPercent(value, decimals).toFixed(decimals)}%`;
}

export function formatCount(n: number): string {
  return count.format(n);
}
