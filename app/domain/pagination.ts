/**
 * The page numbers a pagination bar shows (GOV.UK pattern): every page when there are few;
 * otherwise the first, the last, the current one and its neighbours, with a gap ("…") between.
 */
export function pageNumbers(page: number, pages: number): Array<number | "…"> {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i + 1);
  const keep = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const out: Array<number | "…"> = [];
  let last = 0;
  for (const n of [...keep].sort((a, b) => a - b)) {
    if (n - last === 2) out.push(n - 1);
    else if (n - last > 2) out.push("…");
    out.push(n);
    last = n;
  }
  return out;
}
