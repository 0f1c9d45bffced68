// The forms of app/routes/two-factor._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";

export const schema = z.object({ code: z.string({ error: "Enter the code from your authenticator app" }).trim().max(40), redirectTo: z.string().max(2000).optional() });
