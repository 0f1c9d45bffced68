// The forms of app/routes/a.$slug.training.requirements.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";

export const schemas = {
  save: z.object({ intent: z.literal("save"), version: z.string(), required: z.array(z.string().max(100)).max(1000).default([]) }),
  reset: z.object({ intent: z.literal("reset"), version: z.string() }),
};
