// The query of app/routes/a.$slug.plan.export.tsx, parsed in its loader. A .server module so that zod stays
// out of the browser bundle.
import { z } from "zod";

const TABLES = ["milestones", "hubs", "raid"] as const;

export const tableSchema = z.enum(TABLES);
