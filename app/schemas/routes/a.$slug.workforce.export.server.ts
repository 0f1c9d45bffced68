// The query of app/routes/a.$slug.workforce.export.tsx, parsed in its loader. A .server module so that zod stays
// out of the browser bundle.
import { z } from "zod";

const TABLES = ["posts", "appointments", "vacancies", "contracts", "roles", "teams", "trend"] as const;

export const tableSchema = z.enum(TABLES);
