// The forms of app/routes/a.$slug.plan.milestones.$milestoneId.edit.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { version } from "~/schemas/fields.server";
import { milestoneSchema } from "~/schemas/plan.server";

export const schema = milestoneSchema.and(z.object({ version }));
