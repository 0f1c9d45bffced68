// The forms of app/routes/a.$slug.outcomes.indicators.$indicatorId.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { observationSchema } from "~/schemas/outcomes.server";

export const addSchema = observationSchema.and(z.object({ intent: z.literal("add"), makeBaseline: z.literal("on").optional() }));

export const baselineSchema = z.object({ intent: z.literal("baseline"), observationId: z.string({ error: "Choose the baseline figure" }) });
