// The forms of app/routes/a.$slug.training.staff.$staffId.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { LEAVE_BEFORE_START, leaveAfterStart, optionalDate, staffFields } from "~/schemas/training.server";

const version = z.number({ error: "Reload the page and try again" }).int();

export const schemas = {
  update: z
    .object({ intent: z.literal("update"), version, ...staffFields })
    .refine(leaveAfterStart, LEAVE_BEFORE_START),
  leave: z.object({ intent: z.literal("leave"), version, leaveDate: optionalDate("the last day in post") }),
};
