// The forms of app/routes/account.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { newPasswordSchema } from "~/schemas/password.server";

export const nameSchema = z.object({ intent: z.literal("name"), name: z.string({ error: "Enter your full name" }).trim().min(1, { error: "Enter your full name" }).max(200) });

export const passwordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z.string({ error: "Enter your current password" }).max(256),
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "Enter the new password again" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], error: "The passwords do not match" });
