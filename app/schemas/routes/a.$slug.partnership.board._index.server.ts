// The forms of app/routes/a.$slug.partnership.board._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";

export const renameSchema = z.object({
  name: z.string({ error: "Enter the board's name" }).trim().min(1, { error: "Enter the board's name" }).max(200),
  version: z.coerce.number().int(),
});
