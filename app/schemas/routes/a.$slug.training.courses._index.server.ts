// The forms of app/routes/a.$slug.training.courses._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { courseFields } from "~/schemas/training.server";

export const schema = z.object(courseFields);
