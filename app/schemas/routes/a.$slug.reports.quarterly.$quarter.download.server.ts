// The query of app/routes/a.$slug.reports.quarterly.$quarter.download.tsx, parsed in its loader. A .server module so that zod stays
// out of the browser bundle.
import { z } from "zod";

export const formatSchema = z.enum(["docx", "csv"]);
