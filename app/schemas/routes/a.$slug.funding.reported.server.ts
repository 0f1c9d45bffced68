// The forms of app/routes/a.$slug.funding.reported.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { REPORTED_MEASURES } from "~/domain/funding";
import { type ReportedInput } from "~/services/funding/contributions.server";
import { financialYear, id, money, oneOf, optionalText, version } from "~/services/funding/fields.server";

const fields = z.object({ financialYear, measure: oneOf(REPORTED_MEASURES, "Select which figure it is"), amount: money("the amount"), source: optionalText(500) });

export const schemas = { add: fields, update: fields.extend({ id, version }), delete: z.object({ id, version }) };

export const toInput = (v: z.output<typeof fields>): ReportedInput => ({ financialYear: v.financialYear, measure: v.measure, amountPence: v.amount, source: v.source });
