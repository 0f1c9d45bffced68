// The forms of app/routes/invitations.$token.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { withConfirmation } from "~/schemas/password.server";

export const newAccountSchema = withConfirmation({ name: z.string({ error: "Enter your full name" }).trim().min(1, { error: "Enter your full name" }).max(200) });

export const existingAccountSchema = z.object({ password: z.string({ error: "Enter your password" }).max(256) });
