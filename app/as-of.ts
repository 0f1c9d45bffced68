import { isIsoDate, londonDate, type IsoDate } from "./domain/dates";

/** The date a page shows figures for: `?asOf=YYYY-MM-DD`, or today in England. */
export function readAsOf(request: Request, now: Date): { asOf: IsoDate; today: IsoDate; isToday: boolean } {
  const today = londonDate(now);
  const param = new URL(request.url).searchParams.get("asOf");
  const asOf = param && isIsoDate(param) ? param : today;
  return { asOf, today, isToday: asOf === today };
}
