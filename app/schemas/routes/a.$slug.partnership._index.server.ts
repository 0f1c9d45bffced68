// The forms of app/routes/a.$slug.partnership._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";

export const reminderSchema = z.object({
  reminderAfterDays: z.coerce.number({ error: "Enter a number of days, like 14" }).int({ error: "Enter a whole number of days" }).min(1, { error: "Enter at least 1 day" }).max(365, { error: "Enter 365 days or fewer" }),
  version: z.coerce.number().int(),
});
