import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { RateLimitedError } from "./auth/rate-limit.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, toHttpError } from "./errors";

// Control characters (a null byte above all) are never meant in a form field, and PostgreSQL
// refuses a null byte in text: refuse them beside the field instead of failing on insert.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Parses a submitted form with its zod schema (server-side validation, always). */
export function parseForm<Schema extends z.ZodType>(formData: FormData, schema: Schema) {
  const tainted = [...new Set([...formData.entries()].filter(([, v]) => typeof v === "string" && CONTROL_CHARACTERS.test(v)).map(([name]) => name))];
  if (tainted.length === 0) return parseWithZod(formData, { schema });
  const refusing = schema.superRefine((_, ctx) => {
    for (const name of tainted) ctx.addIssue({ code: "custom", path: name.split("."), message: "Remove the control characters (such as a null byte) from this field" });
  });
  return parseWithZod(formData, { schema: refusing });
}

type Submission = ReturnType<typeof parseForm>;

/** 400 with the field errors, the submitted values kept so nothing the user typed is lost. */
export function invalid(submission: Submission, extra?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) {
  return data(submission.reply(extra ? { formErrors: extra.formErrors, fieldErrors: extra.fieldErrors } : undefined), { status: 400 });
}

/**
 * Turns a service's InvalidError (beside the fields), ConflictError or RateLimitedError (at the
 * top, the user's input kept) into a form reply; NotFound and Forbidden become the 404 and 403
 * pages; anything else is rethrown.
 */
export function replyToServiceError(submission: Submission, error: unknown) {
  if (error instanceof NotFoundError || error instanceof ForbiddenError) throw toHttpError(error);
  if (error instanceof InvalidError) {
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, [v]]));
    return data(submission.reply({ formErrors: Object.keys(fieldErrors).length ? [] : [error.message], fieldErrors }), { status: 422 });
  }
  if (error instanceof ConflictError) {
    return data(submission.reply({ formErrors: [error.message] }), { status: 409 });
  }
  if (error instanceof RateLimitedError) {
    return data(submission.reply({ formErrors: [error.message] }), { status: 429 });
  }
  throw error;
}
