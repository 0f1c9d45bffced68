import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** A new password: long enough to resist guessing; no composition rules (NCSC guidance). */
export const newPasswordSchema = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN_LENGTH, { error: `Password must be ${PASSWORD_MIN_LENGTH} characters or more` })
  .max(PASSWORD_MAX_LENGTH, { error: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer` });

/** A new password typed twice. */
export function withConfirmation<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, password: newPasswordSchema, confirmPassword: z.string({ error: "Enter the password again" }) })
    .refine((v) => (v as { password: string }).password === (v as { confirmPassword: string }).confirmPassword, {
      path: ["confirmPassword"],
      error: "The passwords do not match",
    });
}
