// The forms of app/routes/a.$slug.plan.raid.$itemId.edit.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { version } from "~/schemas/fields.server";
import { raidSchema } from "~/schemas/plan.server";

export const schema = raidSchema.and(z.object({ version }));
