// The forms of app/routes/a.$slug.outcomes.figures.$observationId.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { version } from "~/schemas/fields.server";
import { observationSchema } from "~/schemas/outcomes.server";

export const saveSchema = observationSchema.and(z.object({ intent: z.literal("save"), version }));

export const deleteSchema = z.object({ intent: z.literal("delete"), version });
