// The forms of app/routes/a.$slug.workforce.posts.$postId.holders.$appointmentId.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { version } from "~/schemas/fields.server";
import { appointmentSchema } from "~/schemas/workforce.server";

export const schema = appointmentSchema.and(z.object({ version }));
