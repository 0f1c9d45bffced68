// The forms of app/routes/a.$slug.funding.costs.$postId.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { date, id, money, optionalText, version } from "~/services/funding/fields.server";

const costFields = { effectiveFrom: date("the date the cost applies from"), amount: money("the annual cost of 1 FTE"), note: optionalText(300) };

export const schemas = {
  add: z.object(costFields),
  update: z.object({ ...costFields, id, version }),
  delete: z.object({ id, version }),
};
