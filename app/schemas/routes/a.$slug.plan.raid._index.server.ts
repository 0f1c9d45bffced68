// The query of app/routes/a.$slug.plan.raid._index.tsx, parsed in its loader. A .server module so that zod stays
// out of the browser bundle.
import { z } from "zod";

export const sortSchema = z.enum(["score", "review"]).catch("score");

export const showSchema = z.enum(["open", "closed", "all"]).catch("open");
