// The forms of app/routes/a.$slug.workforce.posts.$postId.edit.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { version } from "~/schemas/fields.server";
import { postSchema } from "~/schemas/workforce.server";

export const schema = postSchema.and(z.object({ version }));
