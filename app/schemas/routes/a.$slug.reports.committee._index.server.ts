// The forms of app/routes/a.$slug.reports.committee._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { sectionKeys } from "~/domain/report-sections";
import { date } from "~/schemas/fields.server";
import { narrativeSchema } from "~/schemas/reports.server";

export const schema = narrativeSchema(sectionKeys("committee")).extend({ asOf: date("the as-of date") });
