// The forms of app/routes/a.$slug.workforce.posts.$postId._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { uuid } from "~/schemas/fields.server";
import { appointmentSchema, recruitmentStepSchema } from "~/schemas/workforce.server";

export const intents = {
  "add-holder": appointmentSchema,
  "add-step": recruitmentStepSchema,
  "remove-step": z.object({ stepId: uuid }),
};

export const intentSchema = z.enum(["add-holder", "add-step", "remove-step"]).catch("add-holder");
