// The forms of app/routes/a.$slug.funding.streams.$streamId.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { date, id, money, text, version } from "~/services/funding/fields.server";
import { streamFields } from "~/services/funding/stream-form.server";

const spendFields = { spentOn: date("the date of the spend"), amount: money("the amount"), description: text("what it was spent on", 300) };

export const schemas = {
  update: streamFields.and(z.object({ version })),
  delete: z.object({ version }),
  "add-spend": z.object(spendFields),
  "update-spend": z.object({ ...spendFields, id, version }),
  "delete-spend": z.object({ id, version }),
};
