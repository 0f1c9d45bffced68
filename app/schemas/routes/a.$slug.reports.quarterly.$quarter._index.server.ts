// The forms of app/routes/a.$slug.reports.quarterly.$quarter._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { sectionKeys } from "~/domain/report-sections";
import { narrativeSchema } from "~/schemas/reports.server";

export const schema = narrativeSchema(sectionKeys("quarterly"));
