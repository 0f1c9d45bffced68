import { z } from "zod";
import { NARRATIVE_MAX, normaliseNarrative } from "../domain/reports";

/**
 * The text of one section of a report. `version` is the one the form was loaded with (0: no text
 * yet); the length is checked on the text as it will be stored (line endings made "\n").
 */
export function narrativeSchema(sections: readonly string[]) {
  return z.object({
    section: z.enum(sections as [string, ...string[]], { error: "Choose a section of the report" }),
    version: z.coerce.number({ error: "Reload the page and try again" }).int().min(0),
    body: z
      .string()
      .optional()
      .transform((v) => normaliseNarrative(v ?? ""))
      .refine((v) => v.length <= NARRATIVE_MAX, { error: `The text must be ${NARRATIVE_MAX.toLocaleString("en-GB")} characters or fewer` }),
  });
}
