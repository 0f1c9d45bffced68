// The forms of app/routes/forgot-password.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";

export const schema = z.object({ email: z.email({ error: "Enter an email address in the correct format, like name@example.com" }).max(320) });
