// The forms of app/routes/sign-in.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";

export const schema = z.object({
  email: z.email({ error: "Enter an email address in the correct format, like name@example.com" }).max(320),
  password: z.string({ error: "Enter your password" }).max(256, { error: "Password must be 256 characters or fewer" }),
  redirectTo: z.string().max(2000).optional(),
});
