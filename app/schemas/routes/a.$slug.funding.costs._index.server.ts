// The forms of app/routes/a.$slug.funding.costs._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { COST_BASES } from "~/domain/funding";
import { date, id, money, oneOf, optionalDate, percent, version } from "~/services/funding/fields.server";

const optionalVersion = z.coerce.number().int().optional();

export const schemas = {
  settings: z.object({
    costBasis: oneOf(COST_BASES, "Select how costs are counted"),
    uplift: percent("the uplift", 20),
    costsFrom: optionalDate("the date costs count from"),
    version: optionalVersion,
  }),
  "set-rate": z.object({ role: z.string({ error: "Select a role" }).max(100), amount: money("the annual cost of 1 FTE"), priceBase: date("the date of the prices"), version: optionalVersion }),
  "delete-rate": z.object({ id, version }),
};
