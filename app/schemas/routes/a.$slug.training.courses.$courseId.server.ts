// The forms of app/routes/a.$slug.training.courses.$courseId.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { courseFields, END_BEFORE_START, endAfterStart, sessionFields } from "~/schemas/training.server";

export const schemas = {
  "update-course": z.object({ intent: z.literal("update-course"), version: z.number().int(), ...courseFields, active: z.literal("yes").optional() }),
  "add-session": z.object({ intent: z.literal("add-session"), ...sessionFields }).refine(endAfterStart, END_BEFORE_START),
};
