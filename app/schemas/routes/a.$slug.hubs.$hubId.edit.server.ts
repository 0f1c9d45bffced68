// The forms of app/routes/a.$slug.hubs.$hubId.edit.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { version } from "~/schemas/fields.server";
import { hubSchema } from "~/schemas/plan.server";

export const schema = hubSchema.and(z.object({ version }));
