import { isIsoDate, londonDate, type IsoDate } from "../../domain/dates";
import type { YearView } from "../../domain/funding";

/**
 * The funding pages' query string: `view=academic` for academic years (financial years
 * otherwise) and `asOf=YYYY-MM-DD` for "today" (which price year is current, how far the model
 * reaches); a bad date is ignored.
 */
export function readFundingQuery(request: Request, now: Date): { view: YearView; asOf: IsoDate } {
  const params = new URL(request.url).searchParams;
  const asOf = params.get("asOf") ?? "";
  return { view: params.get("view") === "academic" ? "academic" : "financial", asOf: isIsoDate(asOf) ? asOf : londonDate(now) };
}
