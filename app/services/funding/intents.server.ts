import type { z } from "zod";
import { invalid, parseForm, replyToServiceError } from "../../forms.server";

type Schemas = Record<string, z.ZodType>;
type Handlers<S extends Schemas> = { [K in keyof S]: (value: z.output<S[K]>) => Promise<Response> };

/**
 * A form post with several actions: the hidden `intent` field picks the zod schema; invalid input
 * comes back as a 400 with the errors beside the fields; a service's typed error becomes a reply
 * (422 beside the field, 409 conflict at the top); success is the handler's redirect.
 */
export async function handleIntent<S extends Schemas>(formData: FormData, schemas: S, handlers: Handlers<S>): Promise<Response | ReturnType<typeof invalid>> {
  const intent = String(formData.get("intent") ?? "");
  const keys = Object.keys(schemas);
  if (!keys.includes(intent)) return invalid(parseForm(formData, schemas[keys[0]]), { formErrors: ["Choose what to do"] });
  const submission = parseForm(formData, schemas[intent]);
  if (submission.status !== "success") return invalid(submission);
  try {
    return await handlers[intent as keyof S](submission.value as z.output<S[keyof S]>);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}
