// The forms of app/routes/a.$slug.funding.contributions.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { CONTRIBUTION_STATUSES } from "~/domain/funding";
import { SECTOR_LABELS } from "~/domain/partnership";
import { financialYear, id, money, oneOf, optionalText, version } from "~/services/funding/fields.server";

export const fields = z
  .object({
    organisationId: z.string().optional(),
    newOrganisation: z.string().max(200, "The partner's name must be 200 characters or fewer").optional(),
    newSector: oneOf(SECTOR_LABELS, "Select the new partner's sector").optional(),
    financialYear,
    amount: money("the amount"),
    status: oneOf(CONTRIBUTION_STATUSES, "Select whether it is proposed, agreed or received"),
    recurrent: z
      .string()
      .optional()
      .transform((v) => v === "yes"),
    note: optionalText(),
  })
  .superRefine((v, ctx) => {
    if (!v.organisationId && !v.newOrganisation) ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Choose a partner, or enter a new one" });
    if (v.organisationId && v.newOrganisation) ctx.addIssue({ code: "custom", path: ["newOrganisation"], message: "Choose a partner from the list or enter a new one, not both" });
  });

export const schemas = {
  add: fields,
  update: fields.and(z.object({ id, version })),
  delete: z.object({ id, version }),
};
