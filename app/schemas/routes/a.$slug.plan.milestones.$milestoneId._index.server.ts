// The forms of app/routes/a.$slug.plan.milestones.$milestoneId._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { version } from "~/schemas/fields.server";
import { markDoneSchema } from "~/schemas/plan.server";

export const schema = markDoneSchema.and(z.object({ version }));
